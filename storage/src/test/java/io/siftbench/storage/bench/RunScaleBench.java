package io.siftbench.storage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a big run costs the screens that read all of it, today: Review's read of every item, the metrics without
 * embeddings, and a JSONL export, each timed, with the heap's peak after each (every pool's peak, reset before each
 * part). The run's samples are written by one SQL statement, copies of a synthesized sample with distinct texts, so
 * that a million take seconds rather than a run's hours. Run with
 * {@code mvn -Pbench verify -pl storage -am -Dtest=RunScaleBench -Dbench.samples=100000}.
 */
class RunScaleBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 100_000);

    @Test
    void theScreensThatReadAWholeRun() throws Exception {
        Path dir = Files.createTempDirectory("siftbench-scale-bench");
        Path file = dir.resolve("bench.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        long run;
        try (Project project = new H2ProjectOpener().open(file)) {
            run = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 1)
                    .get(0)
                    .runId();
        }
        long start = System.nanoTime();
        copies(file, run, SAMPLES - 1);
        System.out.printf(Locale.ROOT, "RunScaleBench: %,d samples written in %.1f s%n", SAMPLES, seconds(start));

        try (Project project = new H2ProjectOpener().open(file)) {
            assertThat(project.samples().count(run)).isEqualTo(SAMPLES);
            part("Review reads every item", () -> {
                List<ReviewItem> items = project.review().items(run);
                assertThat(items).hasSize(SAMPLES);
            });
            part("metrics without embeddings", () -> assertThat(new RunMetrics(
                                    project.runSources(), project.metricSnapshots(), null, InsightsSettings.defaults())
                            .measure(run, StatusSelection.ALL, InsightsProgress.NONE)
                            .metrics()
                            .samples())
                    .isEqualTo(SAMPLES));
            part("export JSONL", () -> {
                ExportReport report = new Exporter(project.exportSources())
                        .export(
                                ExportRequest.of(List.of(run), ExportFormat.JSONL, dir.resolve("out.jsonl"))
                                        .withStatus(io.siftbench.model.export.ExportStatus.ALL),
                                ExportProgress.NONE);
                assertThat(report.total()).isEqualTo(SAMPLES);
            });
        }
    }

    @FunctionalInterface
    private interface Part {
        void run() throws Exception;
    }

    private static void part(String what, Part part) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        part.run();
        double took = seconds(start);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                Locale.ROOT,
                "RunScaleBench: %,d samples, %s: %.2f s, heap peak %.0f MB%n",
                SAMPLES,
                what,
                took,
                peak / 1e6);
    }

    /** {@code n} copies of the run's one sample, each with its own slot, ordinal and text, in one statement. */
    private static void copies(Path file, long run, int n) throws Exception {
        String base = file.toString().substring(0, file.toString().length() - ".mv.db".length());
        try (var c = DriverManager.getConnection("jdbc:h2:" + base, "sa", "");
                var ps = c.prepareStatement("INSERT INTO sample (run_id, slot_key, ordinal, record_id, conditions,"
                        + " demonstration_ids, messages, model, parameters, seed, raw_output, label, rationale,"
                        + " confidence, text, parsed, valid, validation_error, votes, prompt_tokens, completion_tokens,"
                        + " latency_ms, finish_reason, error)"
                        + " SELECT s.run_id, 'copy=' || r.x, r.x, s.record_id, s.conditions, s.demonstration_ids,"
                        + " s.messages, s.model, s.parameters, s.seed, s.raw_output, s.label, s.rationale, s.confidence,"
                        + " 'story ' || r.x || ' about card ' || MOD(r.x * 7919, 104729) || ' in a '"
                        + " || CASEWHEN(MOD(r.x, 2) = 0, 'calm', 'hurried') || ' voice', s.parsed, s.valid,"
                        + " s.validation_error, s.votes, s.prompt_tokens, s.completion_tokens, s.latency_ms,"
                        + " s.finish_reason, s.error"
                        + " FROM sample s, SYSTEM_RANGE(1, ?) r WHERE s.run_id = ?")) {
            ps.setInt(1, n);
            ps.setLong(2, run);
            ps.executeUpdate();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
