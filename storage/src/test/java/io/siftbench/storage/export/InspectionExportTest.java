package io.siftbench.storage.export;

import static io.siftbench.storage.export.ExportFormatsTest.csvRows;
import static io.siftbench.storage.export.ExportFormatsTest.jsonLines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.export.ExportFilter;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.ExportStatus;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed requests in exports: an inspection export (every sample, as JSONL or CSV) writes them with their
 * error; every other export leaves them out and counts them, so that each report accounts for every sample.
 */
class InspectionExportTest extends CuratedProjectTest {

    /** Samples 2, 5 and 8 of ten failed; 0, 1, 3, 4 accepted, 6 rejected, the rest undecided. */
    private static final Map<Integer, String> ERRORS = Map.of(
            2,
            "the backend answered 500: model not loaded",
            5,
            "no answer within 60 s",
            8,
            "connection refused by 127.0.0.1:2");

    private long run;
    private final List<Sample> samples = new ArrayList<>();

    @BeforeEach
    void aRunWithFailures() {
        RunConfig stories =
                project.runs().find(fixture.synthesizeRun).orElseThrow().config();
        run = project.runs().create(stories);
        for (int i = 0; i < 10; i++) {
            String tone = i % 2 == 0 ? "angry" : "polite";
            String error = ERRORS.get(i);
            Slot slot = new Slot(
                    "c" + i,
                    i,
                    null,
                    Map.of("tone", tone),
                    List.of(),
                    List.of(Message.user("Write a story in a " + tone + " tone.")));
            samples.add(project.samples()
                    .add(new Sample(
                            0,
                            run,
                            slot,
                            "tiny-stories",
                            "{}",
                            (long) i,
                            error == null ? "story " + i : null,
                            null,
                            null,
                            null,
                            error == null ? "story " + i : null,
                            null,
                            error == null,
                            null,
                            List.of(),
                            12,
                            error == null ? 20 : null,
                            40L,
                            error == null ? "stop" : null,
                            error,
                            null)));
        }
        project.runs().setStatus(run, RunStatus.COMPLETED);
        for (int i : List.of(0, 1, 3, 4)) {
            project.decisions().decide(Decision.of(samples.get(i).id(), DecisionStatus.ACCEPTED, null));
        }
        project.decisions().decide(Decision.of(samples.get(6).id(), DecisionStatus.REJECTED, null));
    }

    @Test
    void everySampleAsJsonlWritesTheFailuresWithTheirError() throws Exception {
        ExportReport report = export(ExportFormat.JSONL, "all.jsonl", ExportStatus.ALL);

        assertThat(report.written()).containsEntry("all", 10);
        assertThat(leftOut(report)).containsExactly(10, 0, 0, 0, 0, 0);
        List<JsonNode> lines = jsonLines(report.files().get(0));
        for (int i = 0; i < 10; i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asLong()).isEqualTo(samples.get(i).id());
            if (ERRORS.containsKey(i)) {
                assertThat(line.at("/provenance/error").asText()).isEqualTo(ERRORS.get(i));
                assertThat(line.get("flags")).extracting(JsonNode::asText).containsExactly("failed");
                assertThat(line.get("output").isNull()).isTrue();
            } else {
                assertThat(line.at("/provenance/error").isNull()).isTrue();
            }
        }
        assertThat(Files.readString(report.card()))
                .contains(
                        "every sample, decided or not, failed requests with" + " their error.", "- Failed requests: 0");
    }

    @Test
    void everySampleAsCsvHasAnErrorColumn() throws Exception {
        ExportReport report = export(ExportFormat.CSV, "all.csv", ExportStatus.ALL);

        List<Map<String, String>> rows = csvRows(report.files().get(0));
        assertThat(rows)
                .extracting(r -> r.get("error"))
                .containsExactly("", "", ERRORS.get(2), "", "", ERRORS.get(5), "", "", ERRORS.get(8), "");
        assertThat(rows)
                .extracting(r -> r.get("status"))
                .containsExactly(
                        "accepted",
                        "accepted",
                        "undecided",
                        "accepted",
                        "accepted",
                        "undecided",
                        "rejected",
                        "undecided",
                        "undecided",
                        "undecided");
    }

    @Test
    void aTrainingShapeLeavesTheFailuresOutAndCountsThem() throws Exception {
        ExportReport report = export(ExportFormat.ALPACA, "alpaca.jsonl", ExportStatus.ALL);

        assertThat(report.written()).containsEntry("all", 7);
        assertThat(leftOut(report)).containsExactly(10, 0, 0, 3, 0, 0);
        assertThat(jsonLines(report.files().get(0)))
                .extracting(n -> n.get("output").asText())
                .containsExactly("story 0", "story 1", "story 3", "story 4", "story 6", "story 7", "story 9");
        assertThat(Files.readString(report.card())).contains("- Failed requests: 3");
    }

    @Test
    void theCuratedSetAccountsForEverySampleItLeavesOut() {
        ExportReport curated = export(ExportFormat.JSONL, "curated.jsonl", ExportStatus.ACCEPTED);
        // Undecided 2, 5, 7, 8, 9 and rejected 6 are not taken; the failures among them count as such.
        assertThat(curated.total()).isEqualTo(4);
        assertThat(leftOut(curated)).containsExactly(10, 6, 0, 0, 0, 0);

        ExportReport failures = new Exporter(project.exportSources())
                .export(
                        request(ExportFormat.JSONL, "failed.jsonl", ExportStatus.ALL)
                                .withFilter(new ExportFilter(Map.of(), Set.of(), Set.of("failed"))),
                        ExportProgress.NONE);
        assertThat(failures.total()).isEqualTo(3);
        assertThat(leftOut(failures)).containsExactly(10, 0, 7, 0, 0, 0);
    }

    /** Samples, then left out by status, by filter, as failed, as demonstrations, as in the evaluation set. */
    private static List<Integer> leftOut(ExportReport r) {
        assertThat(r.total()
                        + r.leftOutByStatus()
                        + r.leftOutByFilter()
                        + r.leftOutAsFailed()
                        + r.leftOutAsDemonstrations()
                        + r.leftOutAsEvaluation())
                .as("every sample accounted for")
                .isEqualTo(r.samples());
        return List.of(
                r.samples(),
                r.leftOutByStatus(),
                r.leftOutByFilter(),
                r.leftOutAsFailed(),
                r.leftOutAsDemonstrations(),
                r.leftOutAsEvaluation());
    }

    private ExportReport export(ExportFormat format, String name, ExportStatus status) {
        return new Exporter(project.exportSources()).export(request(format, name, status), ExportProgress.NONE);
    }

    private ExportRequest request(ExportFormat format, String name, ExportStatus status) {
        Path out = dir.resolve("inspection").resolve(name);
        return ExportRequest.of(List.of(run), format, out).withStatus(status);
    }
}
