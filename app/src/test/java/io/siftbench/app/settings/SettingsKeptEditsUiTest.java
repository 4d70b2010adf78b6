package io.siftbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Unsaved edits in the Settings backend editor outlive the application: quit (or killed) with them, the next start
 * shows them in the editor again, marked unsaved and said to be restored, until they are saved or discarded.
 */
class SettingsKeptEditsUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private JsonBackendsFile file;
    private Path kept;

    @BeforeEach
    void twoBackends() {
        file = new JsonBackendsFile(dir.resolve("config/backends.json"));
        file.save(new BackendSettings(
                List.of(
                        BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "phi4")
                                .withName("desk"),
                        BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11435", "phi4")
                                .withName("laptop")),
                "desk",
                GenerationParameters.DEFAULT));
        kept = dir.resolve("config/drafts/settings-backend.json");
    }

    @Test
    void anEditedModelIsRestoredUnsavedAfterARestartAndDiscardShowsTheSavedOne() throws Exception {
        editLaptopsModelAndQuit();

        openSettings();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "llama3.2".equals(model().getValue()));
        assertThat(name().getText()).isEqualTo("laptop");
        assertThat(list().getSelectionModel().getSelectedItem().name())
                .as("the backend the edits were made to is the one chosen")
                .isEqualTo("laptop");
        assertThat(robot.lookup("#backend-unsaved").queryAs(Label.class).isVisible())
                .as("marked unsaved")
                .isTrue();
        assertThat(robot.lookup("#settings-message").queryAs(Label.class).getText())
                .isEqualTo("Restored unsaved edits to backend 'laptop' — Save or Discard");
        assertThat(file.load().find("laptop").orElseThrow().model())
                .as("nothing saved yet")
                .isEqualTo("phi4");

        robot.clickOn("#backend-discard");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().getValue()).isEqualTo("phi4");
        assertThat(robot.lookup("#backend-unsaved").queryAs(Label.class).isVisible())
                .isFalse();
        assertThat(robot.lookup("#backend-discard").queryAs(Button.class).isDisabled())
                .isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(kept));

        // Nothing kept, nothing restored.
        SESSION.quit();
        openSettings();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-message").queryAs(Label.class).getText())
                .isEmpty();
        assertThat(robot.lookup("#backend-unsaved").queryAs(Label.class).isVisible())
                .isFalse();
    }

    @Test
    void restoredEditsOnceSavedAreTheBackendAndKeptNoMore() throws Exception {
        editLaptopsModelAndQuit();

        openSettings();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "llama3.2".equals(model().getValue()));
        robot.clickOn("#backend-save");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> file.load().find("laptop").orElseThrow().model().equals("llama3.2"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(kept));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#backend-unsaved").queryAs(Label.class).isVisible())
                .isFalse();
        assertThat(robot.lookup("#settings-message").queryAs(Label.class).getText())
                .isEmpty();
    }

    /** The first session: laptop's model edited and not saved, then the application quits. */
    private void editLaptopsModelAndQuit() throws Exception {
        openSettings();
        choose("laptop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().equals("laptop"));
        robot.interact(() -> model().setValue("llama3.2"));
        assertThat(robot.lookup("#backend-unsaved").queryAs(Label.class).isVisible())
                .isTrue();
        SESSION.quit();
        assertThat(kept).exists();
        assertThat(Files.readString(kept)).contains("llama3.2");
    }

    private void openSettings() throws Exception {
        SESSION.start(dir.resolve("config/settings.json"), null);
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list().getItems().size() == 2);
    }

    private void choose(String backend) {
        int index = list().getItems().stream()
                .filter(c -> c.name().equals(backend))
                .findFirst()
                .map(list().getItems()::indexOf)
                .orElseThrow();
        robot.clickOn(robot.lookup(".list-cell")
                .match(n -> ((ListCell<?>) n).getIndex() == index)
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private ListView<BackendConfig> list() {
        return robot.lookup("#backends-list").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> model() {
        return robot.lookup("#backend-model").queryAs(ComboBox.class);
    }

    private TextField name() {
        return robot.lookup("#backend-name").queryAs(TextField.class);
    }
}
