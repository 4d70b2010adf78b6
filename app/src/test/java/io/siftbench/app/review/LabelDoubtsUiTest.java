package io.siftbench.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.Shell;
import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.QueueOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Label doubts in the Review window, on a real annotate run of banking77 questions with four planted wrong labels:
 * Find label doubts (its shortcut) flags the doubted samples without a reopen, "Most doubtful first" starts with a
 * planted one whose card says what the student suggests and which key takes it, the key makes the sample an edit
 * with the suggested label, and undo puts the label back.
 */
class LabelDoubtsUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void foundDoubtsComeFirstAndTheSuggestedKeyFixesTheLabelAsAnEditThatUndoTakesBack() throws Exception {
        DoubtfulRun made = DoubtfulRun.make(dir);
        Shell shell = SESSION.start(dir.resolve("settings.json"), made.file());
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text("#card-position").equals("Sample 1 of 80"));
        assertThat(text("#card-doubt")).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> text("#review-message").startsWith("The student doubts "));
        assertThat(text("#review-message")).matches("The student doubts [4-8] of 80 labels in .*");

        choose("#review-order", QueueOrder.MOST_DOUBTFUL);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-doubt").startsWith("Label doubt: student suggests "));
        // The card shows the record's text once it is read, in the background.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> made.gold().containsKey(text("#card-output")));
        String question = text("#card-output");
        assertThat(made.wrong()).as("a planted wrong label comes first").containsKey(question);
        String suggested = made.gold().get(question);
        int key = made.labels().indexOf(suggested) + 1;
        assertThat(text("#card-doubt"))
                .contains(" over " + made.wrong().get(question) + " (")
                .endsWith(" — press " + key + " to accept " + suggested);
        long sample =
                ShellSteps.onFx(() -> shell.review().currentProperty().get().sampleId());
        Project open = shell.viewModel().projectProperty().get();

        robot.type(KeyCode.getKeyCode(String.valueOf(key)));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-position").equals("Sample 2 of 80"));
        shell.review().flush();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> open.decisions().current(sample).isPresent());
        assertThat(open.decisions().current(sample)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.EDITED);
            assertThat(d.editedLabel()).isEqualTo(suggested);
        });

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-position").equals("Sample 1 of 80"));
        assertThat(text("#review-message")).startsWith("Undid the edit of sample #" + sample + " ");
        assertThat(open.decisions().current(sample)).map(Decision::status).isEmpty();
        assertThat(text("#card-doubt"))
                .as("the label doubted is back, and so is the doubt")
                .endsWith(suggested);

        // The flag filter by curation kind narrows the queue to the doubted samples.
        choose("#review-filter-flag", "label doubt");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-position").matches("Sample 1 of [4-8]"));
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(String query, T value) {
        robot.interact(() -> robot.lookup(query).queryAs(ComboBox.class).setValue(value));
    }

    /** The text of the label {@code query} finds, read on the UI thread; empty while there is none. */
    private String text(String query) {
        return ShellSteps.onFx(() -> robot.lookup(query)
                .tryQuery()
                .map(n -> ((Label) n).getText())
                .map(t -> t == null ? "" : t)
                .orElse(""));
    }
}
