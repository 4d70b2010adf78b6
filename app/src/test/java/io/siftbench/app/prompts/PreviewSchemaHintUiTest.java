package io.siftbench.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.backends.LoopbackServer.Protocol;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A preview of a server that ignores json_schema (as llama.cpp servers do) says why its outputs are invalid; the
 * one-click fix changes the backend as Settings shows it and previews again with valid outputs.
 */
class PreviewSchemaHintUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void theFixForAServerThatIgnoresJsonSchemaIsOneClickAndSettingsShowsIt() throws Exception {
        try (LoopbackServer llama = new LoopbackServer(Protocol.OPENAI)
                .always(LoopbackServer.likeLlamaCpp("{\"text\": \"a story\"}", "Once upon a time there was a card."))) {
            Path file = dir.resolve("studio.mv.db");
            new H2ProjectOpener().open(file).close();
            JsonBackendsFile backends = new JsonBackendsFile(dir.resolve("backends.json"));
            backends.save(BackendSettings.EMPTY.with(
                    null,
                    BackendConfig.of(BackendKind.OPENAI, llama.url(), "tiny").withName("llama")));
            SESSION.start(dir.resolve("settings.json"), file);
            robot.clickOn("#nav-prompt-studio");
            Button save = robot.lookup("#prompt-save").queryAs(Button.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !save.isDisabled()); // the project is open
            @SuppressWarnings("unchecked")
            ComboBox<PromptMode> mode = robot.lookup("#prompt-mode").queryAs(ComboBox.class);
            robot.interact(() -> {
                mode.setValue(PromptMode.SYNTHESIZE);
                robot.lookup("#template-user").queryAs(TextArea.class).setText("Write one.");
                robot.lookup("#output-schema")
                        .queryAs(TextArea.class)
                        .setText("{\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"}},"
                                + " \"required\": [\"text\"]}");
            });
            // The tab's header, not the button of the same name inside the tab.
            robot.clickOn(robot.lookup(".tab-label")
                    .match(LabeledMatchers.hasText("Preview 5"))
                    .queryLabeled());
            @SuppressWarnings("unchecked")
            ComboBox<BackendConfig> backend = robot.lookup("#preview-backend").queryAs(ComboBox.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> backend.getValue() != null);
            Label hint = robot.lookup("#preview-schema-hint").queryAs(Label.class);
            Button fix = robot.lookup("#preview-schema-fix").queryAs(Button.class);
            assertThat(fix.getParent().isVisible())
                    .as("no hint before a preview")
                    .isFalse();

            robot.clickOn("#preview-run");
            Label message = robot.lookup("#preview-message").queryAs(Label.class);
            awaitMessage(message, "5 samples, 0 valid");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(hint.getText())
                    .isEqualTo(
                            "5 of 5 outputs were not valid JSON for the schema. llama.cpp servers ignore json_schema;");
            assertThat(fix.getParent().isVisible()).isTrue();
            assertThat(fix.getText()).isEqualTo("Send the schema as json_object + schema");

            robot.clickOn("#preview-schema-fix");
            awaitMessage(message, "5 samples, 5 valid");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fix.getParent().isVisible()).isFalse();
            assertThat(backends.load().find("llama").orElseThrow().schemaStyle())
                    .isEqualTo(SchemaStyle.JSON_OBJECT);

            robot.clickOn("#nav-settings");
            @SuppressWarnings("unchecked")
            ListView<BackendConfig> list = robot.lookup("#backends-list").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> list.getItems().size() == 1
                            && list.getItems().get(0).schemaStyle() == SchemaStyle.JSON_OBJECT);
            robot.interact(() -> list.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            @SuppressWarnings("unchecked")
            ComboBox<SchemaStyle> style = robot.lookup("#backend-schema-style").queryAs(ComboBox.class);
            assertThat(style.getValue()).isEqualTo(SchemaStyle.JSON_OBJECT);
        }
    }

    /** Waits for the preview's status line to say {@code expected}, or fails saying what it says instead. */
    private static void awaitMessage(Label message, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> message.getText().equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(message.getText()).isEqualTo(expected);
        }
    }
}
