package io.siftbench.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.Shell;
import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.QuestionAnswerPipeline;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.testing.Overlap;
import io.siftbench.views.testing.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Pipelines editor in the real shell on a real project holding the question → answer example: its steps as
 * cards, the answer indented under the question it reads with an arrow naming it; a step made to annotate a dataset
 * with a synthesize prompt is refused on save, naming the step and field, nothing stored; fixed, it saves as
 * version 2; edits not saved are marked and asked about on leaving; the screen reads whole at 1280×800 in both
 * themes; and Preview runs three slots through both steps against a loopback server, each answer after its
 * question, the answer step's prompt rendered with its question, nothing stored.
 */
class PipelinesEditorUiTest {

    private static final String SCREENSHOTS = "siftbench.screenshots";

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private final ShellSteps steps = new ShellSteps(robot);
    private LoopbackServer server;
    private Path file;

    @BeforeEach
    void projectAndBackend() throws Exception {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        server.always(QuestionAnswerPipeline.answers(new AtomicInteger()));
        QuestionAnswerPipeline.userBackend(dir, server);
        file = dir.resolve("qa.mv.db");
        try (Project project = new H2ProjectOpener().open(file)) {
            QuestionAnswerPipeline.save(project);
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theStepsShowWhatTheyReadARefusalNamesTheStepAndSavingMakesVersionTwo() throws Exception {
        Path settings = dir.resolve("settings.json");
        new JsonSettingsFile(settings).save(UserSettings.DEFAULT.withTheme(Theme.LIGHT));
        Shell shell = SESSION.start(settings, file);
        openQuestionAnswer();
        Project open = shell.viewModel().projectProperty().get();

        assertThat(robot.lookup("#step-arrow-0").queryAs(Label.class).isVisible())
                .as("the first step reads nothing")
                .isFalse();
        assertThat(robot.lookup("#step-arrow-1").queryAs(Label.class).getText()).isEqualTo("reads step 1 question");
        assertThat(prompt(1).getValue()).isEqualTo("answerer@1");
        assertThat(robot.lookup("#step-card-1").query().getBoundsInParent().getMinX())
                .as("the answer is indented under the question it reads")
                .isGreaterThan(
                        robot.lookup("#step-card-0").query().getBoundsInParent().getMinX());
        assertWhole("pipelines-light");
        robot.clickOn("View").clickOn("Toggle dark theme");
        assertWhole("pipelines-dark");

        // The answer step made to annotate the run's dataset: its prompt synthesizes, so the save is refused.
        steps.choose("#step-input-1", "the run's dataset");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pipeline-unsaved").query().isVisible()).isTrue();
        assertThat(robot.lookup("#step-arrow-1").queryAs(Label.class).getText())
                .isEqualTo("annotates the run's dataset");
        robot.clickOn("#pipeline-save");
        Label refusal = robot.lookup("#pipeline-refusal").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !refusal.getText().isEmpty());
        assertThat(refusal.getText())
                .contains("steps[1] (answer).prompt")
                .contains("annotate mode")
                .contains("'answerer@1' is in synthesize mode");
        assertThat(refusal.isVisible()).isTrue();
        assertThat(open.pipelines().versions("question-answer"))
                .as("nothing stored")
                .hasSize(1);

        steps.choose("#step-input-1", "step question");
        robot.clickOn("#pipeline-note");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("answers kept short");
        robot.clickOn("#pipeline-save");
        Label status = robot.lookup("#pipeline-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().equals("Saved question-answer v2"));
        List<StoredPipeline> versions = open.pipelines().versions("question-answer");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).pipeline().note()).isEqualTo("answers kept short");
        assertThat(versions.get(1).pipeline().steps().get(1).input()).isEqualTo("step:question");
        assertThat(robot.lookup("#pipeline-unsaved").query().isVisible()).isFalse();
        ListView<?> list = robot.lookup("#pipeline-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> list.getItems().size() == 1
                        && ((StoredPipeline) list.getItems().get(0)).version() == 2);

        // An edit not saved is asked about on leaving: Cancel stays, Discard leaves and drops it.
        robot.clickOn("#pipeline-note").write(", and polite");
        robot.clickOn("#nav-runs");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-dialog")
                .tryQuery()
                .isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.viewModel().screenProperty().get()).isEqualTo(Screen.PIPELINES);
        robot.clickOn("#nav-runs");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-dialog")
                .tryQuery()
                .isPresent());
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.viewModel().screenProperty().get()).isEqualTo(Screen.RUNS);
        robot.clickOn("#nav-pipelines");
        assertThat(robot.lookup("#pipeline-note").queryAs(TextField.class).getText())
                .isEqualTo("answers kept short");
        assertThat(open.pipelines().versions("question-answer")).hasSize(2);
    }

    @Test
    void previewRunsThreeSlotsThroughTheChainAndStoresNothing() throws Exception {
        Shell shell = SESSION.start(dir.resolve("settings.json"), file);
        openQuestionAnswer();
        Project open = shell.viewModel().projectProperty().get();
        robot.clickOn("#step-card-1");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#chain-preview").queryButton().isDisabled()
                        && robot.lookup("#chain-backend")
                                        .queryAs(ComboBox.class)
                                        .getValue()
                                != null);
        robot.clickOn("#chain-preview");
        Label message = robot.lookup("#chain-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> message.getText().equals("3 chains, 6 samples · nothing stored"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#chain-results .chain-box").queryAll()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            String question = text("#chain-" + k + "-step-0");
            assertThat(question).startsWith("Q").endsWith("?");
            assertThat(text("#chain-" + k + "-step-1"))
                    .as("each answer answers its own chain's question")
                    .isEqualTo("A to " + question);
        }
        String firstQuestion = text("#chain-0-step-0");
        String rendered =
                robot.lookup("#chain-rendered").queryAs(TextArea.class).getText();
        assertThat(rendered)
                .startsWith("question → " + firstQuestion)
                .contains("Prompt of step 2 answer:")
                .contains("user:\n" + firstQuestion);
        assertThat(open.runs().list()).as("a preview stores no run").isEmpty();
        assertWhole("pipelines-preview-light");

        robot.clickOn("#step-name-1").write("s");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).endsWith("made with an earlier draft: preview again to see this one's");
    }

    @Test
    void aStepsNewPromptOpensInTheStudioAndTheStepRunsIt() throws Exception {
        Shell shell = SESSION.start(dir.resolve("settings.json"), file);
        openQuestionAnswer();
        robot.clickOn("#step-new-prompt-1");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> shell.viewModel().screenProperty().get() == Screen.PROMPT_STUDIO);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#prompt-name").queryAs(TextField.class).getText())
                .isEqualTo("question-answer-answer");
        assertThat(robot.lookup("#prompt-mode").queryAs(ComboBox.class).getValue())
                .isEqualTo(PromptMode.SYNTHESIZE);
        robot.clickOn("#nav-pipelines");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prompt(1).getValue())
                .as("the step runs the new prompt, pinned to its newest version when the pipeline is saved")
                .isEqualTo("question-answer-answer");
        assertThat(robot.lookup("#pipeline-unsaved").query().isVisible()).isTrue();
    }

    @Test
    void anEditNotSavedIsThereAgainAfterARestart() throws Exception {
        Path settings = dir.resolve("settings.json");
        SESSION.start(settings, file);
        openQuestionAnswer();
        robot.clickOn("#step-name-1");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("reply");
        ShellSteps.settle();
        SESSION.quit();

        Shell shell = SESSION.start(settings, file);
        robot.clickOn("#nav-pipelines");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#step-name-1")
                .tryQueryAs(TextField.class)
                .map(f -> f.getText().equals("reply"))
                .orElse(false));
        assertThat(robot.lookup("#pipeline-unsaved").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pipeline-status").queryAs(Label.class).getText())
                .startsWith("Restored the draft of pipeline 'question-answer'");
        assertThat(shell.viewModel().projectProperty().get().pipelines().versions("question-answer"))
                .as("kept, not saved")
                .hasSize(1);
    }

    /** Shows the Pipelines screen and opens question-answer v1 from its list. */
    private void openQuestionAnswer() throws Exception {
        robot.clickOn("#nav-pipelines");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pipeline-list")
                .tryQuery()
                .isPresent());
        ListView<?> list = robot.lookup("#pipeline-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#pipeline-open");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#step-card-1").tryQuery().isPresent()
                        && !prompt(1).getItems().isEmpty());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> prompt(int step) {
        return robot.lookup("#step-prompt-" + step).queryAs(ComboBox.class);
    }

    /**
     * No text of the editor is cut and nothing is drawn over anything else at 1280×800; with {@value #SCREENSHOTS}
     * set to a folder, the window is saved there first.
     */
    private void assertWhole(String shotName) throws Exception {
        Parent frame = steps.settled(Screen.PIPELINES);
        String folder = System.getProperty(SCREENSHOTS);
        if (folder != null) {
            WritableImage shot = WaitForAsyncUtils.asyncFx(
                            () -> frame.getScene().snapshot(null))
                    .get();
            Path png = Path.of(folder).resolve(shotName + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> Truncation.clipped(frame)).get())
                .as("the Pipelines editor reads whole at 1280×800")
                .isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Overlap.overlapping(frame)).get())
                .as("nothing on the Pipelines editor is drawn over anything else")
                .isEmpty();
    }
}
