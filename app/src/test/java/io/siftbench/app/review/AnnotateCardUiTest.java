package io.siftbench.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.example.ExampleRun;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The annotate card is text first, as a researcher judges a label: the record's own text large, the label with its
 * confidence, the gold label with agree or disagree, the labels numbered as 1–9 set them, and the demonstrations the
 * model saw with their text and label. On a real run of the example project on the demo model.
 */
class AnnotateCardUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void theCardShowsTheRecordsTextItsGoldLabelTheNumberedLabelsAndTheDemonstrations() throws Exception {
        Path file = dir.resolve("example.mv.db");
        Sample first;
        String text;
        String gold;
        List<DatasetRecord> demos;
        try (Project project = new H2ProjectOpener().open(file)) {
            ExampleRun made = ExampleRun.annotate(project, dir, 3);
            first = project.samples().list(made.run().id(), 0, 1).get(0);
            DatasetInfo data = project.datasets().list().get(0);
            DatasetRecord record = project.datasets()
                    .records(data.id(), List.of(first.slot().recordId()))
                    .get(0);
            text = (String) record.values().get("text");
            gold = (String) record.values().get("category");
            demos = project.datasets().records(data.id(), first.slot().demonstrationIds());
        }
        SESSION.start(dir.resolve("settings.json"), file);
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text("#card-output").equals(text));

        assertThat(text("#card-position")).isEqualTo("Sample 1 of 3");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> labelFilter =
                robot.lookup("#review-filter-label").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(labelFilter.getConverter().toString(labelFilter.getValue()))
                .as("the label filter, once the run's labels are in")
                .isEqualTo("Label: any");
        assertThat(text("#card-gold"))
                .isEqualTo("Gold: " + gold
                        + (first.label() == null
                                ? " — the model gave no label"
                                : first.label().equals(gold) ? " — agrees" : " — disagrees"));
        assertThat(text("#card-choices"))
                .startsWith("1 card_arrival · 2 lost_or_stolen_card · 3 exchange_rate")
                .contains("9 change_pin")
                .endsWith("E finds the other 1 by typing");

        robot.clickOn("#card-demonstrations");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-demonstrations .label").contains("→"));
        String shown = robot.lookup("#card-demonstrations").lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .filter(t -> t.contains("→"))
                .findFirst()
                .orElseThrow();
        for (DatasetRecord demo : demos) {
            assertThat(shown)
                    .contains(demo.values().get("text") + "\n→ " + demo.values().get("category"));
        }

        robot.clickOn("#card-output");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-position").equals("Sample 2 of 3"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-position").equals("Sample 1 of 3"));
        assertThat(text("#review-message"))
                .as("the undo names what it took back, on which sample, in which run")
                .matches("Undid the (edit|acceptance) of sample #" + first.id() + " in #" + first.runId()
                        + " .+; it is undecided now\\.");

        // The table lists an annotate run's samples with the text they label.
        robot.clickOn("#review-table-mode-toggle");
        @SuppressWarnings("unchecked")
        TableView<ReviewItem> table = robot.lookup("#review-table").queryAs(TableView.class);
        TableColumn<ReviewItem, ?> textColumn = table.getColumns().stream()
                .filter(c -> c.getText().equals("Text"))
                .findFirst()
                .orElseThrow();
        assertThat(textColumn.getCellData(0)).isEqualTo(text);
    }

    /** The text of the label {@code query} finds; empty while there is none or it has none yet. */
    private String text(String query) {
        return robot.lookup(query)
                .tryQuery()
                .map(n -> ((Label) n).getText())
                .map(t -> t == null ? "" : t)
                .orElse("");
    }
}
