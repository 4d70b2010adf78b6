package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the real shell, a run on a llama.cpp server added in Settings and never tested: its backend is probed before
 * the first request, the Runs screen says what was detected, and Settings shows it.
 */
class RunFirstUseUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void aRunOnABackendNeverTestedSaysWhatWasDetectedAndSettingsShowsIt() throws Exception {
        try (LoopbackServer llama = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .ownedBy("llamacpp")
                .always(LoopbackServer.likeLlamaCpp(
                        "{\"label\": \"card_arrival\"}", "The card is on its way, I think."))) {
            Path settingsFile = dir.resolve("config/settings.json");
            JsonBackendsFile backends = StoredRun.userBackend(settingsFile, "laptop", llama.url());
            Path projectFile = dir.resolve("runs.mv.db");
            StoredRun.fiveQuestions(projectFile, llama.url());

            SESSION.start(settingsFile, projectFile);
            robot.clickOn("#nav-runs");
            @SuppressWarnings("unchecked")
            TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
            robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
            robot.clickOn("#run-resume");

            Label message = robot.lookup("#runs-message").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
            assertThat(message.getText())
                    .isEqualTo("Detected llama.cpp server on 'laptop': output schema sent as json_object + schema");
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> llama.chatRequests() == 5 && table.getItems().get(0).samples() == 5);
            assertThat(llama.bodies()).allSatisfy(body -> assertThat(
                            body.path("response_format").path("type").asText())
                    .isEqualTo("json_object"));
            BackendConfig saved = backends.load().find("laptop").orElseThrow();
            assertThat(saved.server()).isEqualTo(ServerKind.LLAMA_CPP);

            robot.clickOn("#nav-settings");
            @SuppressWarnings("unchecked")
            ListView<BackendConfig> list = robot.lookup("#backends-list").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> list.getItems().size() == 1
                            && list.getItems().get(0).schemaStyle() == SchemaStyle.JSON_OBJECT);
            robot.clickOn(robot.lookup("#backends-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
            Label detected = robot.lookup("#backend-detected").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> !detected.getText().isEmpty());
            assertThat(detected.getText())
                    .isEqualTo("Detected: llama.cpp server — output schema sent as json_object + schema");
        }
    }
}
