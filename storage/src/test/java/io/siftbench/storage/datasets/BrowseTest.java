package io.siftbench.storage.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.datasets.ColumnStatistics;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetPage;
import io.siftbench.model.datasets.DatasetQuery;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages, sorting, search, filters, statistics, rename and delete over a real imported dataset. */
class BrowseTest {

    @TempDir
    Path dir;

    private Project project;
    private DatasetStore store;
    private DatasetInfo info;

    @BeforeEach
    void importTwoThousandRows() throws IOException {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 1; i <= 2000; i++) {
            csv.append(i)
                    .append(",\"")
                    .append(i % 100 == 0 ? "Refund please, card " : "card ")
                    .append(i)
                    .append(" text\",")
                    .append(i % 3 == 0 ? "fizz" : i % 2 == 0 ? "even" : "odd")
                    .append('\n');
        }
        Path file = dir.resolve("cards.csv");
        Files.writeString(file, csv.toString());
        project = new H2ProjectOpener().open(dir.resolve("project"));
        store = project.datasets();
        info = store.importFile(ImportOptions.of(file), ImportProgress.NONE).dataset();
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void pagesInImportOrder() {
        DatasetPage page = store.page(info.id(), DatasetQuery.ALL, 1500, 100);

        assertThat(page.records()).hasSize(100);
        assertThat(page.records()).extracting(r -> r.values().get("id")).first().isEqualTo(1501L);
        assertThat(store.page(info.id(), DatasetQuery.ALL, 1990, 100).records()).hasSize(10);
        assertThat(store.count(info.id(), DatasetQuery.ALL)).isEqualTo(2000);
    }

    @Test
    void sortsByAnyColumnBothWays() {
        DatasetQuery byIdDescending = new DatasetQuery(null, null, null, "id", true);
        DatasetQuery byLabel = new DatasetQuery(null, null, null, "label", false);

        assertThat(store.page(info.id(), byIdDescending, 0, 3).records())
                .extracting(r -> r.values().get("id"))
                .containsExactly(2000L, 1999L, 1998L);
        List<DatasetRecord> labels = store.page(info.id(), byLabel, 660, 10).records();
        assertThat(labels).extracting(r -> r.text("label")).containsOnly("even", "fizz");
    }

    @Test
    void searchesTheTextColumnAndFiltersByAColumnValue() {
        DatasetQuery refunds = new DatasetQuery("REFUND", null, null, null, false);
        DatasetQuery fizzRefunds = new DatasetQuery("refund", "label", "fizz", null, false);
        DatasetQuery underscore = new DatasetQuery("_", null, null, null, false);

        assertThat(store.count(info.id(), refunds)).isEqualTo(20);
        assertThat(store.page(info.id(), refunds, 0, 100).records())
                .extracting(r -> r.values().get("id"))
                .startsWith(100L, 200L);
        assertThat(store.count(info.id(), fizzRefunds)).isEqualTo(6); // multiples of 300
        assertThat(store.count(info.id(), new DatasetQuery(null, "id", "42", null, false)))
                .isEqualTo(1);
        assertThat(store.count(info.id(), underscore)).isZero();
    }

    @Test
    void columnStatisticsCountNullsDistinctTopValuesAndLengths() {
        ColumnStatistics labels = store.statistics(info.id(), "label");
        ColumnStatistics texts = store.statistics(info.id(), "text");
        ColumnStatistics ids = store.statistics(info.id(), "id");

        assertThat(labels.count()).isEqualTo(2000);
        assertThat(labels.nulls()).isZero();
        assertThat(labels.distinct()).isEqualTo(3);
        // Equal counts are ordered by value.
        assertThat(labels.top())
                .containsExactly(
                        new ColumnStatistics.ValueCount("even", 667),
                        new ColumnStatistics.ValueCount("odd", 667),
                        new ColumnStatistics.ValueCount("fizz", 666));
        assertThat(texts.lengthHistogram()).isNotEmpty();
        assertThat(texts.lengthHistogram().stream()
                        .mapToLong(ColumnStatistics.LengthBin::count)
                        .sum())
                .isEqualTo(2000);
        assertThat(texts.lengthHistogram().get(0).from()).isEqualTo("card 1 text".length());
        assertThat(ids.lengthHistogram()).isEmpty();
        assertThat(ids.distinct()).isEqualTo(2000);
    }

    @Test
    void fetchesRecordsByIdAndRenamesAndDeletes() throws IOException {
        assertThat(store.records(info.id(), List.of(7L, 3L, 99_999L)))
                .extracting(DatasetRecord::id)
                .containsExactly(3L, 7L);

        store.rename(info.id(), "renamed");
        assertThat(store.find("renamed")).isPresent();
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "text\nx\n");
        DatasetInfo second =
                store.importFile(ImportOptions.of(other), ImportProgress.NONE).dataset();
        assertThatThrownBy(() -> store.rename(second.id(), "renamed"))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("already exists");

        store.delete(info.id());
        assertThat(store.list()).extracting(DatasetInfo::name).containsExactly("other");
    }

    @Test
    void rememberedRolesCanBeChanged() {
        store.setRoles(info.id(), "text", "id");
        assertThat(store.find("cards"))
                .get()
                .extracting(DatasetInfo::labelColumn)
                .isEqualTo("id");
        assertThatThrownBy(() -> store.setRoles(info.id(), "nope", null)).hasMessageContaining("no column \"nope\"");
    }
}
