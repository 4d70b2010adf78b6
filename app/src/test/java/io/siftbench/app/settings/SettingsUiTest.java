package io.siftbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.siftbench.app.ShellSession;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.backends.LoopbackServer.Protocol;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings screen in the real shell, headless: add a backend, test it against loopback, save it. */
class SettingsUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private HttpServer ollama;

    @AfterEach
    void stopOllama() {
        if (ollama != null) {
            ollama.stop(0);
        }
    }

    @Test
    void addsTestsAndSavesABackendWithAMaskedKey() throws Exception {
        ollama = OllamaTags.start();
        String url = OllamaTags.url(ollama);
        SESSION.start(dir.resolve("config/settings.json"), null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#nav-settings");
        Label empty = robot.lookup("#settings-empty").queryAs(Label.class);
        assertThat(empty.getScene()).as("the empty list says what to do").isNotNull();
        assertThat(empty.getText())
                .isEqualTo("No backends yet: add Ollama, an OpenAI-compatible server or a GGUF file.");

        robot.clickOn("#backend-add");
        robot.clickOn("#backend-name").write("laptop");
        TextField location = robot.lookup("#backend-location").queryAs(TextField.class);
        robot.interact(() -> location.setText(url));
        assertThat((Object) robot.lookup("#backend-key").query()).isInstanceOf(PasswordField.class);
        robot.clickOn("#backend-key").write("sk-secret-4321");
        robot.clickOn("#backend-test");
        Label result = robot.lookup("#backend-test-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("2 models listed"));
        robot.clickOn("#backend-save");

        JsonBackendsFile file = new JsonBackendsFile(dir.resolve("config/backends.json"));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !file.load().backends().isEmpty());
        BackendSettings saved = file.load();
        BackendConfig laptop = saved.find("laptop").orElseThrow();
        assertThat(laptop.location()).isEqualTo(url);
        assertThat(laptop.model()).isEqualTo("llama3.2:1b");
        assertThat(laptop.apiKey()).isEqualTo("sk-secret-4321");
        assertThat(saved.defaultBackend()).isEqualTo("laptop");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(empty.getParent().isVisible())
                .as("the list replaces the placeholder")
                .isFalse();
        @SuppressWarnings("unchecked")
        ListView<BackendConfig> list = robot.lookup("#backends-list").queryAs(ListView.class);
        assertThat(list.getItems()).containsExactly(laptop);
        assertThat(robot.lookup(".list-cell").queryAll().stream()
                        .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                        .filter(t -> t != null))
                .anySatisfy(text -> assertThat(text)
                        .contains("laptop (default)")
                        .contains("••••4321")
                        .doesNotContain("secret"));
    }

    @Test
    void testingALlamaCppServerSaysSoAndSendsTheSchemaAsJsonObjectUnlessTheUserChoosesOtherwise() throws Exception {
        try (LoopbackServer llama = new LoopbackServer(Protocol.OPENAI)
                .offering(List.of("stories260K"))
                .ownedBy("llamacpp")) {
            SESSION.start(dir.resolve("config/settings.json"), null);
            WaitForAsyncUtils.waitForFxEvents();

            robot.clickOn("#nav-settings");
            robot.clickOn("#backend-add");
            robot.clickOn("#backend-name").write("llama");
            @SuppressWarnings("unchecked")
            ComboBox<BackendKind> kind = robot.lookup("#backend-kind").queryAs(ComboBox.class);
            TextField location = robot.lookup("#backend-location").queryAs(TextField.class);
            robot.interact(() -> {
                kind.setValue(BackendKind.OPENAI);
                location.setText(llama.url());
            });
            @SuppressWarnings("unchecked")
            ComboBox<SchemaStyle> style = robot.lookup("#backend-schema-style").queryAs(ComboBox.class);
            assertThat(style.getValue()).isEqualTo(SchemaStyle.JSON_SCHEMA);
            robot.clickOn("#backend-test");

            Label detected = robot.lookup("#backend-detected").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> !detected.getText().isEmpty());
            assertThat(detected.getText())
                    .isEqualTo("Detected: llama.cpp server — output schema sent as json_object + schema");
            assertThat(detected.isVisible()).isTrue();
            assertThat(style.getValue()).isEqualTo(SchemaStyle.JSON_OBJECT);
            assertThat(style.getConverter().toString(style.getValue()))
                    .isEqualTo("json_object + schema (llama.cpp server)");
            robot.clickOn("#backend-save");

            JsonBackendsFile file = new JsonBackendsFile(dir.resolve("config/backends.json"));
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> !file.load().backends().isEmpty());
            assertThat(file.load().find("llama").orElseThrow().schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);

            robot.interact(() -> style.setValue(SchemaStyle.JSON_SCHEMA));
            robot.clickOn("#backend-save");
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> file.load().find("llama").orElseThrow().schemaStyle() == SchemaStyle.JSON_SCHEMA);
        }
    }
}
