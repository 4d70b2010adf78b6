package io.siftbench.storage.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.ExportTarget;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.export.SplitRatios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An export to a folder that holds an earlier one: the new one replaces it whole, and nothing else. */
class ExportReplacementTest extends CuratedProjectTest {

    @Test
    void anUnsplitExportReplacesASplitOneAndLeavesOtherFilesAlone() throws Exception {
        Path out = dir.resolve("target").resolve("stories.jsonl");
        export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.JSONL, out)
                .withSplit(new SplitRatios(0.6, 0.2, 0.2, 1))
                .withRejectedAsNegatives(true));
        Files.writeString(out.resolveSibling("notes.txt"), "mine");
        Files.writeString(out.resolveSibling("other.jsonl"), "{}\n");
        assertThat(names(out.getParent()))
                .containsExactly(
                        "README.md",
                        "notes.txt",
                        "other.jsonl",
                        "stories-rejected.jsonl",
                        "stories-test.jsonl",
                        "stories-train.jsonl",
                        "stories-validation.jsonl");

        ExportReport report = export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.JSONL, out));

        assertThat(names(out.getParent())).containsExactly("README.md", "notes.txt", "other.jsonl", "stories.jsonl");
        assertThat(Files.readAllLines(out)).hasSize(report.total());
        assertThat(Files.readString(report.card()))
                .contains("| all | `stories.jsonl` | 5 |")
                .doesNotContain("stories-train.jsonl");
    }

    @Test
    void whatAKilledExportLeftGoesWithTheNextExport() throws Exception {
        Path out = dir.resolve("target").resolve("stories.csv");
        export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.CSV, out));
        String earlier = Files.readString(out);
        Files.writeString(out.resolveSibling("stories.csv" + ExportTarget.PARTIAL_SUFFIX), "id,run,spl");
        Files.writeString(out.resolveSibling("README.md" + ExportTarget.PARTIAL_SUFFIX), "---\npretty");

        new ExportTarget(out.getParent()).settle();
        assertThat(names(out.getParent())).containsExactly("README.md", "stories.csv");
        assertThat(Files.readString(out)).isEqualTo(earlier);

        Files.writeString(out.resolveSibling("stories.csv" + ExportTarget.PARTIAL_SUFFIX), "id,run,spl");
        export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.CSV, out));
        assertThat(names(out.getParent())).containsExactly("README.md", "stories.csv");
        assertThat(Files.readString(out)).isNotEqualTo(earlier);
    }

    @Test
    void anExportThatFailsKeepsTheEarlierOne() throws Exception {
        Path out = dir.resolve("target").resolve("stories.jsonl");
        export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.JSONL, out));
        String earlier = Files.readString(out);
        String card = Files.readString(out.resolveSibling("README.md"));

        assertThatThrownBy(() -> export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out)
                        .withEvaluationDataset("nope")))
                .hasMessageContaining("no dataset 'nope'");

        assertThat(names(out.getParent())).containsExactly("README.md", "stories.jsonl");
        assertThat(Files.readString(out)).isEqualTo(earlier);
        assertThat(Files.readString(out.resolveSibling("README.md"))).isEqualTo(card);
    }

    private ExportReport export(ExportRequest request) {
        return new Exporter(project.exportSources()).export(request, ExportProgress.NONE);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
