package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.cli.Cli;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.QueueFilter;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewQueue;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reads a whole run costs on a run of {@code bench.samples} (default 100,000) samples, stored straight through
 * the sample store (issue #16 §1): Review's queue (its items, the curation flags at Review's starting thresholds,
 * the queue), {@code metrics} and {@code export}, each in a JVM of its own under {@code -Xmx256m}, with its time
 * and heap, or the fact that it ran out of heap or time ({@code bench.stepSeconds}, default 300; {@code bench.steps}
 * chooses some of them). Measures only; what is not bounded is what it finds. Run with
 * {@code mvn -B -Pbench verify -pl app -am -Dtest=LargeRunReadsBench}.
 */
class LargeRunReadsBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 100_000);
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("bench.stepSeconds", 300));

    @TempDir
    Path dir;

    @Test
    void reviewMetricsAndExportOfALargeRun() throws Exception {
        Path file = dir.resolve("reads.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        long run;
        long start = System.nanoTime();
        try (Project project = new H2ProjectOpener().open(file)) {
            run = RunFixture.run(project, version, PromptMode.SYNTHESIZE, SAMPLES)
                    .get(0)
                    .runId();
        }
        System.out.printf(
                "LargeRunReadsBench: stored %,d samples in %.1f s%n", SAMPLES, (System.nanoTime() - start) / 1e9);
        Files.createDirectories(dir.resolve("export"));
        for (String step :
                System.getProperty("bench.steps", "review,metrics,export").split(",")) {
            ChildJvm.Outcome child = ChildJvm.run(
                    "LargeRunReadsBench", LIMIT, Step.class, step, file.toString(), Long.toString(run), dir.toString());
            System.out.printf(
                    "LargeRunReadsBench: %s of %,d samples under -Xmx256m: %s%n",
                    step,
                    SAMPLES,
                    child.exit() == 0
                            ? child.said().get("took")
                            : child.failure()
                                    + (child.said().containsKey("heap")
                                            ? "; " + child.said().get("heap")
                                            : ""));
        }
        assertThat(run).isPositive();
    }

    /** One step on its own: {@code STEP PROJECT RUN DIR}; prints its time and heap. */
    public static final class Step {

        public static void main(String[] args) throws Exception {
            String step = args[0];
            Path file = Path.of(args[1]);
            long runId = Long.parseLong(args[2]);
            HeapPeak heap = new HeapPeak();
            Thread reporter = new Thread(() -> {
                // The heap when the step is stopped at its time limit (an OutOfMemoryError exits without hooks).
                System.out.println("heap " + heap.describe());
            });
            Runtime.getRuntime().addShutdownHook(reporter);
            long start = System.nanoTime();
            String what =
                    switch (step) {
                        case "review" -> review(file, runId);
                        case "metrics" -> metrics(file, runId);
                        case "export" -> export(file, runId, Path.of(args[3]).resolve("export"));
                        default -> throw new IllegalArgumentException(step);
                    };
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.close();
            System.out.printf("took %.1f s, %s; %s%n", seconds, what, heap.describe());
            Runtime.getRuntime().removeShutdownHook(reporter);
            System.exit(0);
        }

        /** As Review loads a queue (its embedding orders aside): the items, their flags, the queue. */
        private static String review(Path file, long runId) {
            try (Project project = new H2ProjectOpener().open(file)) {
                RunInfo run = project.runs().find(runId).orElseThrow();
                List<ReviewItem> items = project.review().items(runId);
                RunCuration.Flagged flagged = new RunCuration(
                                project.runSources(), project.decisions(), CurationSettings.defaults())
                        .flag(run, items);
                ReviewQueue queue = new ReviewQueue(
                        flagged.items(), QueueOrder.AS_GENERATED, run.config().seed(), QueueFilter.ALL);
                return queue.size() + " in the queue";
            }
        }

        /**
         * Every sample as JSONL with a seeded split, then as CSV (the header needs every condition first), each
         * timed; the step's heap is the larger of the two.
         */
        private static String export(Path file, long runId, Path out) throws Exception {
            List<String> times = new ArrayList<>();
            for (String format : List.of("jsonl", "csv")) {
                long start = System.nanoTime();
                cli(
                        "export",
                        "--project",
                        file.toString(),
                        "--run",
                        Long.toString(runId),
                        "--status",
                        "all",
                        "--format",
                        format,
                        "--split",
                        "0.8,0.1,0.1",
                        "--seed",
                        "7",
                        "--out",
                        out.resolve("all." + format).toString());
                long bytes;
                try (var files = Files.list(out)) {
                    bytes = files.filter(f -> f.getFileName().toString().endsWith("." + format))
                            .mapToLong(f -> f.toFile().length())
                            .sum();
                }
                times.add(String.format(
                        "%s with split %.1f s (%,d MB)", format, (System.nanoTime() - start) / 1e9, bytes >> 20));
            }
            return String.join(", ", times);
        }

        private static String cli(String... args) throws Exception {
            return "exit 0, " + run(args).length() + " characters out";
        }

        /** {@code metrics} with the bundled MiniLM, and what it says it measured on its seeded sample. */
        private static String metrics(Path file, long runId) throws Exception {
            String out = run("metrics", "--project", file.toString(), "--run", Long.toString(runId));
            JsonNode report = new ObjectMapper().readTree(out);
            return "exit 0, " + out.length() + " characters out, samples "
                    + report.path("metrics").path("samples").asLong() + ", sampled "
                    + report.path("sampled").path("size")
                    + " of " + report.path("sampled").path("of") + ", map points "
                    + report.path("metrics").path("embeddingMap").path("points").size();
        }

        private static String run(String... args) {
            Writer out = new StringWriter();
            int exit = Cli.execute(new PrintWriter(out), new PrintWriter(Writer.nullWriter()), args);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", args) + " exited " + exit);
            }
            return out.toString();
        }
    }
}
