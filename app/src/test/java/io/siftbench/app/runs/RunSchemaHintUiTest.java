package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs screen in the real shell: a finished run whose first samples a server ignoring json_schema left invalid
 * says why when chosen; the one-click fix changes the backend as Settings shows it.
 */
class RunSchemaHintUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void aRunOfMostlyInvalidSamplesOnJsonSchemaOffersTheFixAndSettingsShowsIt() throws Exception {
        try (LoopbackServer llama = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.likeLlamaCpp(
                        "{\"label\": \"card_arrival\"}", "The card is on its way, I think."))) {
            Path settingsFile = dir.resolve("config/settings.json");
            JsonBackendsFile backends = StoredRun.userBackend(settingsFile, "llama", llama.url());
            Path projectFile = dir.resolve("runs.mv.db");
            long runId = finishedRun(projectFile, backends, llama.url());

            SESSION.start(settingsFile, projectFile);
            robot.clickOn("#nav-runs");
            @SuppressWarnings("unchecked")
            TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
            Button fix = robot.lookup("#run-schema-fix").queryAs(Button.class);
            assertThat(fix.getParent().isVisible())
                    .as("nothing to say before a run is chosen")
                    .isFalse();

            robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
            Label hint = robot.lookup("#run-schema-hint").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> !hint.getText().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(runId);
            assertThat(hint.getText())
                    .isEqualTo(
                            "5 of 5 outputs were not valid JSON for the schema. llama.cpp servers ignore json_schema;");
            assertThat(fix.getParent().isVisible()).isTrue();
            assertThat(fix.isVisible()).isTrue();

            robot.clickOn("#run-schema-fix");
            Label message = robot.lookup("#run-schema-message").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
            assertThat(message.getText())
                    .isEqualTo("'llama' now sends the schema as json_object + schema: re-run to try it.");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fix.isVisible()).isFalse();
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

    /** A run of five questions, finished against the server at {@code url} before the window opens. */
    private static long finishedRun(Path projectFile, JsonBackendsFile backends, String url) throws Exception {
        RunInfo run = StoredRun.fiveQuestions(projectFile, url);
        try (Project project = new H2ProjectOpener().open(projectFile);
                RunBackends runBackends = new RunBackends(backends::load)) {
            new ProjectRuns(project, runBackends, EmbeddingModels::miniLm)
                    .launcher()
                    .execute(run.id(), (s, p) -> {}, () -> false);
            return run.id();
        }
    }
}
