package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.cli.Cli;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.review.ReviewSources;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.testing.HeldTasks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reads a whole run costs on a run of {@code bench.samples} (default 100,000) samples, stored straight through
 * the sample store (issue #16 §1): Review's queue (loaded by the screen's view model at Review's starting order and
 * thresholds, then the UI thread's time of 200 keys, median and p99), {@code metrics} and {@code export}, each in a JVM of its own under {@code -Xmx256m}, with its time
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

        /**
         * As the Review screen loads a run's queue (at its starting order and thresholds) and answers keys: the
         * screen's own view model, its background work held and run between keys on this thread, so that a key's
         * time is what the UI thread spends on it (the decision's write runs after, as it does in the background).
         */
        private static String review(Path file, long runId) {
            try (Project project = new H2ProjectOpener().open(file)) {
                HeldTasks tasks = new HeldTasks();
                ReviewViewModel review = new ReviewViewModel(
                        new SimpleObjectProperty<>(new ReviewSources(project.runSources(), project.decisions())),
                        tasks,
                        () -> {
                            throw new IllegalStateException("no embedding model in this benchmark");
                        });
                long start = System.nanoTime();
                review.open(runId);
                int ran = runHeld(tasks, 0);
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                if (review.size() == 0 || review.runProperty().get().id() != runId) {
                    throw new IllegalStateException("the queue did not load: "
                            + review.messageProperty().get());
                }
                long[] keys = new long[200];
                for (int k = 0; k < keys.length; k++) {
                    long before = System.nanoTime();
                    switch (k % 3) {
                        case 0 -> review.accept();
                        case 1 -> review.reject();
                        default -> review.skip();
                    }
                    keys[k] = System.nanoTime() - before;
                    ran = runHeld(tasks, ran);
                }
                if (review.positionProperty().get() < keys.length) {
                    throw new IllegalStateException("the keys did not move the card: at " + review.positionProperty());
                }
                // An undo waits for its write and then shows: its time is the background work and the showing.
                int before = review.positionProperty().get();
                long undoStart = System.nanoTime();
                review.undo();
                ran = runHeld(tasks, ran);
                double undoMillis = (System.nanoTime() - undoStart) / 1e6;
                if (review.positionProperty().get() != before - 1) {
                    throw new IllegalStateException("the undo did not go back a card: at " + review.positionProperty());
                }
                Arrays.sort(keys);
                return String.format(
                        "%,d in the queue, loaded in %.1f s; a key (accept, reject, skip) on the UI thread: median "
                                + "%.2f ms, p99 %.2f ms over %d; an undo, written and shown, %.1f ms",
                        review.size(),
                        loadSeconds,
                        keys[keys.length / 2] / 1e6,
                        keys[(int) Math.ceil(keys.length * 0.99) - 1] / 1e6,
                        keys.length,
                        undoMillis);
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

        /** Runs the held background tasks from {@code from} on, including those they ask for; the count run. */
        private static int runHeld(HeldTasks tasks, int from) {
            int next = from;
            while (next < tasks.asked()) {
                tasks.run(next++);
            }
            return next;
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
