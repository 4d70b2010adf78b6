package io.siftbench.storage.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.export.ExportFilter;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.ExportStatus;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.export.SplitRatios;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An export read two samples at a time, smaller than every run, writes byte for byte the files (data, split,
 * negatives and dataset card) that the export holding whole runs wrote for the same project: those files, written
 * before export read in pages, are kept under {@code paged/} in the test resources. The runs are asked in the
 * order opposite to their ids, and two slots share an ordinal, which the split orders its own way.
 */
class PagedExportTest extends CuratedProjectTest {

    private static final Path EXPECTED = Path.of("src/test/resources/io/siftbench/storage/export/paged");

    @Test
    void anExportReadInPagesWritesTheFilesTheWholeRunExportWrote() throws Exception {
        Sample story = fixture.synthesized.get(3);
        Sample retry = project.samples()
                .add(ExportFixture.story(
                        fixture.synthesizeRun,
                        new Slot(
                                "c3-again",
                                story.slot().ordinal(),
                                null,
                                story.conditions(),
                                List.of(),
                                story.slot().messages()),
                        99L,
                        "A second try at the tab story"));
        project.decisions().decide(Decision.of(retry.id(), DecisionStatus.ACCEPTED, null));
        project.preferences()
                .prefer(
                        fixture.synthesized.get(0).id(),
                        fixture.synthesized.get(4).id());
        List<Long> runs = List.of(fixture.synthesizeRun, fixture.annotateRun);
        SplitRatios split = SplitRatios.parse("0.5,0.25,0.25", 3);
        Map<String, ExportRequest> requests = new TreeMap<>();
        for (ExportFormat format : ExportFormat.values()) {
            requests.put(format.id(), request(runs, format, split, "split/" + format.id() + "/data"));
        }
        requests.put("curated", request(runs, ExportFormat.JSONL, null, "curated/data"));
        requests.put("all", request(runs, ExportFormat.JSONL, null, "all/data").withStatus(ExportStatus.ALL));

        for (Map.Entry<String, ExportRequest> export : requests.entrySet()) {
            new Exporter(project.exportSources(), 2).export(export.getValue(), ExportProgress.NONE);
        }

        Path out = dir.resolve("out");
        assertThat(files(out)).containsExactlyElementsOf(files(EXPECTED));
        for (Path file : files(EXPECTED)) {
            assertThat(Files.readString(out.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(Files.readString(EXPECTED.resolve(file)));
        }
    }

    private ExportRequest request(List<Long> runs, ExportFormat format, SplitRatios split, String name) {
        return new ExportRequest(
                runs,
                format,
                dir.resolve("out").resolve(name + "." + format.extension()),
                ExportStatus.ACCEPTED,
                true,
                ExportFilter.NONE,
                split,
                false,
                null);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
