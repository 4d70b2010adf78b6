package io.siftbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.example.ExampleRun;
import io.siftbench.model.compare.Alignment;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.RecordTexts;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row of Compare shows the record's own text as its input, not the few-shot prompt it was sent in: on a real run
 * of the example project, whose prompt carries demonstrations, on the demo model.
 */
class RecordTextsTest {

    @TempDir
    Path dir;

    @Test
    void aRowsInputIsTheRecordsTextWithoutTheDemonstrations() throws Exception {
        try (Project project = new H2ProjectOpener().open(dir.resolve("example.mv.db"))) {
            ExampleRun made = ExampleRun.annotate(project, dir, 3);
            List<ReviewItem> items = project.review().items(made.run().id());
            Sample first = items.get(0).sample();
            DatasetInfo data = project.datasets().list().get(0);
            DatasetRecord record = project.datasets()
                    .records(data.id(), List.of(first.slot().recordId()))
                    .get(0);
            assertThat(first.slot().demonstrationIds())
                    .as("the prompt had demonstrations")
                    .isNotEmpty();

            List<List<ReviewItem>> variants = List.of(items, items);
            List<CompareRow> rows = Alignment.of(
                    variants, RecordTexts.of(project.datasets(), List.of(made.run(), made.run()), variants));

            CompareRow row = rows.stream()
                    .filter(r -> r.key().equals("record " + first.slot().recordId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.input())
                    .isEqualTo("Record " + first.slot().recordId() + ": "
                            + record.values().get("text"));
            assertThat(Alignment.of(variants).get(0).input())
                    .as("what a row showed before: the whole prompt, demonstrations first")
                    .isNotEqualTo(rows.get(0).input());
        }
    }
}
