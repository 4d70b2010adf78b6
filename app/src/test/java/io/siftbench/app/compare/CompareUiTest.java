package io.siftbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare clicked through in the real shell on a real project: the base run and a second prompt version as its
 * variant, whose run over the same inputs (generated in another order) exists and is reused; the rows line up by
 * input, and "Prefer this one" stores a preference pair.
 */
class CompareUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private final ShellSteps steps = new ShellSteps(robot);

    @Test
    void rowsLineUpByInputAndPreferStoresAPair() throws Exception {
        Path file = dir.resolve("compare.mv.db");
        RunFixture.Compared runs = RunFixture.comparedVersions(file, "intents", 4, 4);
        List<Sample> first = runs.first();
        List<Sample> second = runs.second();
        SESSION.start(dir.resolve("settings.json"), file);
        robot.clickOn("#nav-compare");

        steps.choose("#compare-base", "#" + first.get(0).runId() + " intents v1");
        steps.choose("#compare-variant-version", "intents v2");
        robot.clickOn("#compare-add-variant");
        assertThat(robot.lookup("#compare-variant-0")
                        .lookup(".label")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("intents v2");
        robot.clickOn("#compare-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-prefer-3-1")
                .tryQuery()
                .isPresent());

        assertThat(text("#compare-message")).startsWith("Started 0, reused 1 of the variants' runs. 4 rows");
        ListView<?> rows = robot.lookup("#compare-rows").queryAs(ListView.class);
        for (int row = 0; row < 4; row++) {
            // A row out of view has no cell: scroll to it, as the researcher would.
            int shown = row;
            robot.interact(() -> rows.scrollTo(shown));
            // One input per row, and both versions' answers to it: the fixture's label of that question.
            assertThat(text("#compare-input-" + row))
                    .isEqualTo("Record " + (row + 1) + ": Q: question " + row + " about my card\nA:");
            assertThat(text("#compare-output-" + row + "-0")).isEqualTo(RunFixture.LABELS.get(row));
            assertThat(text("#compare-output-" + row + "-1")).isEqualTo(RunFixture.LABELS.get(row));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-summary-1")
                .tryQuery()
                .isPresent());
        assertThat(text("#compare-summary-1")).startsWith("intents v2\n");

        robot.clickOn("#compare-prefer-2-1");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#compare-message").startsWith("Preferred"));
        assertThat(text("#compare-message")).isEqualTo("Preferred intents v2 over 1 other.");
        SESSION.quit();

        try (Project project = new H2ProjectOpener().open(file)) {
            List<PreferenceStore.Preference> stored =
                    project.preferences().ofRun(first.get(0).runId());
            assertThat(stored).singleElement().satisfies(pair -> {
                // Record 3: the second version's answer, generated second to last, over the first version's.
                assertThat(pair.chosenSampleId()).isEqualTo(second.get(2).id());
                assertThat(pair.rejectedSampleId()).isEqualTo(first.get(2).id());
            });
            assertThat(project.runs().list())
                    .as("the matching run was reused, none started")
                    .hasSize(2);
        }
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
