package io.siftbench.storage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Export at scale, against the cheapest way to get the same samples out of the same project in the same
 * run: read the review items and write one {@code {"text": …}} object per sample with a bare Jackson
 * generator. The ratio is what the export's selection, leakage guard, full provenance and card cost on
 * top (DPO writes no pair here: the bench run has no edit and no preference, so it measures the selection
 * alone). Run with {@code mvn -B -Pbench verify -pl storage -am -Dtest=ExportBench}; {@code -Dbench.samples=N}
 * changes the size (default 20,000 samples).
 */
class ExportBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Test
    void exportTwentyThousandSamples() throws Exception {
        Path dir = Files.createTempDirectory("siftbench-export-bench");
        Path file = dir.resolve("bench.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            long start = System.nanoTime();
            List<Sample> samples = RunFixture.run(project, version, PromptMode.SYNTHESIZE, SAMPLES);
            project.decisions()
                    .decide(samples.stream()
                            .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null))
                            .toList());
            System.out.printf("bench: %,d samples stored and accepted in %.1f s%n", SAMPLES, seconds(start));
            long run = samples.get(0).runId();

            double baseline = Double.MAX_VALUE;
            double[] best = new double[ExportFormat.values().length];
            java.util.Arrays.fill(best, Double.MAX_VALUE);
            // Rounds taken in turn, each figure the best of them, so that a busy spell on a shared machine
            // does not land on one side of a ratio only.
            for (int round = 0; round < ROUNDS; round++) {
                baseline = Math.min(baseline, baseline(project, run, dir.resolve("baseline.jsonl")));
                for (ExportFormat format : ExportFormat.values()) {
                    start = System.nanoTime();
                    ExportReport report = new Exporter(project.exportSources())
                            .export(
                                    ExportRequest.of(
                                            List.of(run),
                                            format,
                                            dir.resolve(format.id()).resolve("bench." + format.extension())),
                                    ExportProgress.NONE);
                    best[format.ordinal()] = Math.min(best[format.ordinal()], seconds(start));
                    if (format != ExportFormat.DPO) {
                        assertThat(report.total()).isEqualTo(SAMPLES);
                    }
                }
                // Again after the exports, so that the baseline is not the only figure taken cold.
                baseline = Math.min(baseline, baseline(project, run, dir.resolve("baseline.jsonl")));
            }
            System.out.printf("bench: baseline (read items, write text-only JSONL): %.2f s%n", baseline);
            for (ExportFormat format : ExportFormat.values()) {
                System.out.printf(
                        "bench: %-14s %.2f s = %.2f x baseline%n",
                        format.id(), best[format.ordinal()], best[format.ordinal()] / baseline);
            }
        }
    }

    private static double baseline(Project project, long run, Path out) throws Exception {
        long start = System.nanoTime();
        List<ReviewItem> items = project.review().items(run);
        try (JsonGenerator json = new JsonFactory().createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            for (ReviewItem item : items) {
                json.writeStartObject();
                json.writeStringField("text", item.text());
                json.writeEndObject();
            }
        }
        return seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
