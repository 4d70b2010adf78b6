package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.backends.LoopbackBatches;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.shell.FileDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real shell, headless: a stopped run's missing slots go out as a batch file (by its shortcut), part of its
 * batch's output comes back as its samples (by the Batch button), and the rest is submitted to the loopback
 * server's batches API; the screen says what each did and the run's counts follow.
 */
class RunBatchesUiTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    private final FxRobot robot = SESSION.robot();
    private LoopbackServer server;

    @AfterEach
    void stopServer() throws Exception {
        SESSION.quit();
        server.close();
    }

    @Test
    void exportsImportsAndSubmitsTheSelectedRunsBatch() throws Exception {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        Path projectFile = dir.resolve("batches.mv.db");
        Path settingsFile = dir.resolve("config/settings.json");
        StoredRun.userBackend(settingsFile, "loopback", server.url());
        RunInfo run = StoredRun.fiveQuestions(projectFile, server.url());
        Path input = dir.resolve("batch.jsonl");
        Path output = dir.resolve("output.jsonl");
        SESSION.startWith(settingsFile, new FileDialogs() {
            @Override
            public Optional<Path> chooseNewProject(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseProjectToOpen(Window owner) {
                return Optional.of(projectFile);
            }

            @Override
            public Optional<Path> chooseBatchFileToWrite(Window owner, String suggested) {
                return Optional.of(input);
            }

            @Override
            public Optional<Path> chooseBatchOutput(Window owner) {
                return Optional.of(output);
            }
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-project")
                .queryAs(Label.class)
                .getText()
                .equals(projectFile.toString()));
        robot.clickOn("#nav-runs");
        @SuppressWarnings("unchecked")
        TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> table.getItems().size() == 1)
                .get());
        robot.interact(() -> table.getSelectionModel().select(0));
        Label message = robot.lookup("#runs-message").queryAs(Label.class);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("written to"));
        assertThat(message.getText())
                .isEqualTo("Run " + run.id() + ": 5 requests for 5 missing slots written to " + input + ".");
        assertThat(server.chatRequests()).isZero();

        List<String> answers = LoopbackBatches.answers(server.url() + "/chat/completions", Files.readAllLines(input));
        Files.write(output, answers.subList(0, 3));
        robot.clickOn("#run-batch").clickOn("#run-batch-import");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("imported"));
        assertThat(message.getText())
                .startsWith("Run " + run.id() + ": 3 imported (0 invalid), 0 failed, 2 still missing, from 3 lines");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#run-progress-text")
                .queryAs(Label.class)
                .getText()
                .startsWith("3 / 5 samples"));

        LoopbackBatches.on(server);
        robot.clickOn("#run-batch").clickOn("#run-batch-submit");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Batch "));
        assertThat(message.getText())
                .contains(" completed; its output is kept in ")
                .contains("Run " + run.id() + ": 2 imported (0 invalid), 0 failed, 0 still missing");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#run-progress-text")
                .queryAs(Label.class)
                .getText()
                .equals("5 / 5 samples · completed"));
    }
}
