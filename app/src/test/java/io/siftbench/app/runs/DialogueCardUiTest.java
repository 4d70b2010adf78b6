package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialogue pipeline shipped in docs/examples in Review, in the real shell on a real project: the card of a
 * conversation's last turn shows the conversation so far above it, the question it started from, then each turn in
 * order under its number and who speaks in it.
 */
class DialogueCardUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private final ShellSteps steps = new ShellSteps(robot);

    @Test
    void theCardOfAConversationsLastTurnShowsItsTurnsInOrder() throws Exception {
        Path file = dir.resolve("dialogue.mv.db");
        RunInfo lastTurn;
        List<Sample> samples;
        try (Project project = new H2ProjectOpener().open(file);
                QuestionAnswerPipeline server = new QuestionAnswerPipeline()) {
            StoredPipeline dialogue = QuestionAnswerPipeline.saveDialogue(project);
            // Its server answers no GOODBYE: both conversations go on for all four turns.
            PipelineRunner.Outcome ran = server.run(project, dialogue, 2);
            assertThat(ran.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(ran.stepRuns()).hasSize(5);
            lastTurn = ran.stepRuns().get(4);
            samples = new ArrayList<>();
            for (RunInfo run : ran.stepRuns()) {
                samples.addAll(project.samples().list(run.id(), 0, 10));
            }
        }
        SESSION.start(dir.resolve("settings.json"), file);

        steps.runChooser("#nav-review", "#review-run");
        steps.choose("#review-run", "#" + lastTurn.id() + " agent v1 · dialogue v1 · step 5 chat turn 4 (assistant)");
        TitledPane chain = robot.lookup("#card-chain").queryAs(TitledPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, chain::isVisible);

        assertThat(chain.getText())
                .isEqualTo("Conversation: question → turn 1 · user → turn 2 · assistant → turn 3 · user → turn 4 ·"
                        + " assistant");
        String output = robot.lookup("#card-output").queryAs(Label.class).getText();
        Sample shown = samples.stream()
                .filter(s -> s.runId() == lastTurn.id() && s.text().equals(output))
                .findFirst()
                .orElseThrow();
        List<String> expected = new ArrayList<>();
        List<String> headings = List.of("question", "turn 1 · user", "turn 2 · assistant", "turn 3 · user");
        Sample at = shown;
        for (int i = headings.size() - 1; i >= 0; i--) {
            Long parentId = at.slot().parentSampleId();
            at = samples.stream().filter(s -> s.id() == parentId).findFirst().orElseThrow();
            expected.add(0, at.text());
            expected.add(0, headings.get(i));
        }
        assertThat(robot.from(chain.getContent()).lookup(".label").queryAllAs(Label.class).stream()
                        .map(Label::getText)
                        .toList())
                .as("the question, then the turns in order, each under its number and speaker")
                .containsExactlyElementsOf(expected);
    }
}
