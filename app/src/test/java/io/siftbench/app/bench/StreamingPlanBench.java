package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunPlan;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Slot;
import io.siftbench.model.runs.SlotKeys;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-record annotate run whose plan streams (issue #16 §1). Imports a generated million-record CSV, then:
 * the heap a plan holds a slot, the whole plan rendered and held (as before plans streamed) against the streamed
 * one; the heap of the done slots' keys as strings against {@link SlotKeys}; the throughput of annotate runs of
 * the million-record dataset against the raw client sending the same bodies, {@value #ROUNDS} interleaved
 * rounds; and the whole million-record run in a child JVM with {@code -Xmx256m} against the loopback server for
 * {@code bench.seconds}: the time from its start to the first request the server sees (goal < 5 s) and its heap.
 * Run with {@code mvn -B -Pbench verify -pl app -am -Dtest=StreamingPlanBench}.
 */
class StreamingPlanBench {

    private static final int RECORDS = Integer.getInteger("bench.records", 1_000_000);
    private static final int RATIO_SAMPLES = Integer.getInteger("bench.ratioSamples", 5_000);
    private static final int HELD_SLOTS = Math.min(100_000, RECORDS);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int CONCURRENCY = 8;
    private static final int ROUNDS = 3;
    private static final long DELAY_MS = 50;

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<byte[]> captured = new ConcurrentLinkedQueue<>();
    private final AtomicLong firstRequest = new AtomicLong();
    private volatile boolean capture;

    @Test
    void aMillionRecordRunStartsAtOnceAndStaysUnder256Megabytes() throws Exception {
        FixedDelayServer server = new FixedDelayServer(DELAY_MS, FixedDelayServer.CARD_ARRIVAL, body -> {
            firstRequest.compareAndSet(0, System.currentTimeMillis());
            if (capture) {
                captured.add(body);
            }
        });
        Path csv = dir.resolve("questions.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("text,channel\n");
            for (int i = 0; i < RECORDS; i++) {
                out.write("where is card number " + i + " - it has not arrived yet?," + (i % 3 == 0 ? "app" : "web")
                        + "\n");
            }
        }
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        HttpClient raw =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Path projectFile = dir.resolve("bench");
        long millionRun;
        try (RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY);
                Project project = new H2ProjectOpener().open(projectFile)) {
            long importStart = System.nanoTime();
            DatasetInfo questions = project.datasets()
                    .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                    .dataset();
            System.out.printf(
                    "StreamingPlanBench: imported %,d records in %.1f s%n",
                    questions.rows(), (System.nanoTime() - importStart) / 1e9);
            StoredVersion prompt = project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "intent", "mode": "annotate",
                     "task": {"role": "You label banking questions.", "purpose": "Pick the one intent that fits.",
                              "labels": [{"name": "card_arrival"}, {"name": "lost_or_stolen_card"},
                                         {"name": "exchange_rate"}, {"name": "top_up_failed"}],
                              "rationale": false, "confidence": false},
                     "template": {"system": "{{task.role}} {{task.purpose}}", "user": "Q: {{text}} ({{channel}})\\nA:"}}
                    """,
                            "intent.json"));
            ProjectRuns runs = new ProjectRuns(project, backends, EmbeddingModels::miniLm);
            RunLauncher launcher = runs.launcher();
            RunConfig million = config(prompt, questions, server.url(), null, RECORDS);

            heldPerSlot(runs, launcher.create(config(prompt, questions, server.url(), HELD_SLOTS, HELD_SLOTS)));
            RunInfo whole = launcher.create(million);
            long base = liveHeap();
            long planStart = System.nanoTime();
            RunPlan plan = runs.plan(whole);
            double planSeconds = (System.nanoTime() - planStart) / 1e9;
            long streamed = liveHeap() - base;
            System.out.printf(
                    "StreamingPlanBench: the %,d-slot plan made in %.2f s holds %.1f MB (%.1f bytes a slot)%n",
                    plan.size(), planSeconds, streamed / 1e6, (double) streamed / plan.size());
            Reference.reachabilityFence(plan);
            doneKeys();
            throughput(
                    launcher,
                    raw,
                    callers,
                    server.url(),
                    config(prompt, questions, server.url(), RATIO_SAMPLES, RATIO_SAMPLES));
            millionRun = launcher.create(million).id();
        } finally {
            callers.shutdownNow();
        }
        try {
            inAChildJvm(projectFile, millionRun);
        } finally {
            server.close();
        }
    }

    /** The heap a plan of {@code run} holds a slot: every slot rendered and held, as before, and streamed. */
    private static void heldPerSlot(ProjectRuns runs, RunInfo run) {
        long base = liveHeap();
        RunPlan streamed = runs.plan(run);
        long streamedBytes = liveHeap() - base;
        List<Slot> all = streamed.slots();
        long allBytes = liveHeap() - base - streamedBytes;
        System.out.printf(
                "StreamingPlanBench: %,d slots rendered and held (the plan before it streamed): %.1f MB, %.0f bytes a"
                        + " slot; streamed: %.2f MB, %.1f bytes a slot%n",
                all.size(),
                allBytes / 1e6,
                (double) allBytes / all.size(),
                streamedBytes / 1e6,
                (double) streamedBytes / all.size());
        Reference.reachabilityFence(all);
    }

    /** The heap of a million done slots' keys: a set of strings (before) against {@link SlotKeys}. */
    private static void doneKeys() {
        long base = liveHeap();
        Set<String> strings = new HashSet<>();
        for (long id = 1; id <= RECORDS; id++) {
            strings.add(RunPlanner.recordKey(id));
        }
        long withStrings = liveHeap();
        SlotKeys keys = compact(strings);
        long compact = liveHeap() - withStrings;
        System.out.printf(
                "StreamingPlanBench: %,d done slot keys: %.1f MB as a set of strings, %.1f MB as SlotKeys%n",
                keys.size(), (withStrings - base) / 1e6, compact / 1e6);
        assertThat(keys).hasSameSizeAs(strings).contains(RunPlanner.recordKey(RECORDS));
    }

    private static SlotKeys compact(Set<String> keys) {
        SlotKeys.Builder builder = new SlotKeys.Builder();
        keys.forEach(builder::add);
        return builder.build();
    }

    /** Annotate runs of {@code config} (a seeded subset of the million) against the raw client, interleaved. */
    private void throughput(RunLauncher launcher, HttpClient raw, ExecutorService callers, String url, RunConfig config)
            throws Exception {
        runRate(launcher, config); // warm-up of both paths
        RawReplay.requestsPerSecond(raw, callers, url, List.copyOf(captured), "card_arrival");
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double[] run = runRate(launcher, config);
            List<byte[]> bodies = List.copyOf(captured);
            assertThat(bodies).hasSize(config.target());
            double rawRate = RawReplay.requestsPerSecond(raw, callers, url, bodies, "card_arrival");
            ratios.add(run[1] / rawRate);
            System.out.printf(
                    "StreamingPlanBench: round %d: %,d samples of the %,d records, planned in %.2f s, then %.1f samples/s"
                            + " (%.1f with planning); raw %.1f requests/s; ratio %.3f (%.3f with planning)%n",
                    round + 1,
                    config.target(),
                    RECORDS,
                    run[2],
                    run[1],
                    run[0],
                    rawRate,
                    run[1] / rawRate,
                    run[0] / rawRate);
        }
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        System.out.printf(
                "StreamingPlanBench: median ratio run/raw from the first request = %.3f (goal >= 0.95)%n",
                sorted.get(sorted.size() / 2));
    }

    /**
     * A new run of {@code config}: samples per second from its start, from its first request, and the seconds from
     * its start to its first request.
     */
    private double[] runRate(RunLauncher launcher, RunConfig config) throws InterruptedException {
        captured.clear();
        capture = true;
        RunInfo run = launcher.create(config);
        firstRequest.set(0);
        long start = System.currentTimeMillis();
        assertThat(launcher.execute(run.id(), (s, p) -> {}, () -> false)).isEqualTo(RunStatus.COMPLETED);
        long end = System.currentTimeMillis();
        capture = false;
        double fromFirst = config.target() / ((end - firstRequest.get()) / 1e3);
        return new double[] {config.target() / ((end - start) / 1e3), fromFirst, (firstRequest.get() - start) / 1e3};
    }

    private static RunConfig config(StoredVersion prompt, DatasetInfo dataset, String url, Integer limit, int target) {
        return new RunConfig(
                prompt.id(),
                prompt.mode(),
                new BackendRef("openai", url, "bench"),
                "{}",
                dataset.id(),
                1,
                CONCURRENCY,
                target,
                1,
                RunDetails.of(limit, GenerationParameters.DEFAULT).toJson());
    }

    /** Runs {@link MillionRun} under {@code -Xmx256m} and prints what it and the server saw. */
    private void inAChildJvm(Path projectFile, long runId) throws Exception {
        firstRequest.set(0);
        ChildJvm.Outcome child = ChildJvm.run(
                "StreamingPlanBench",
                Duration.ofSeconds(SECONDS + 300),
                MillionRun.class,
                projectFile.toString(),
                Long.toString(runId),
                Integer.toString(SECONDS));
        assertThat(child.exit())
                .as("the -Xmx256m run's exit code (an OutOfMemoryError exits with 3)")
                .isZero();
        long started = Long.parseLong(child.said().get("started"));
        System.out.printf(
                "StreamingPlanBench: -Xmx256m, %,d-slot run: first request %.2f s after the run started (goal < 5 s);"
                        + " %s%n",
                RECORDS, (firstRequest.get() - started) / 1e3, child.said().get("ran"));
        assertThat(child.said().get("status")).isEqualTo(RunStatus.CANCELLED.name());
    }

    /**
     * The million-record run on its own, in a JVM of its own: {@code PROJECT RUN SECONDS}. Prints when it started,
     * then how far it came in SECONDS and the heap it used (sampled every 20 ms, and after each collection).
     */
    public static final class MillionRun {

        public static void main(String[] args) throws Exception {
            long seconds = Long.parseLong(args[2]);
            HeapPeak heap = new HeapPeak();
            AtomicReference<RunProgress> last = new AtomicReference<>();
            AtomicInteger stored = new AtomicInteger();
            RunStatus status;
            long start;
            try (RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY);
                    Project project = new H2ProjectOpener().open(Path.of(args[0]))) {
                RunLauncher launcher = new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
                start = System.currentTimeMillis();
                System.out.println("started " + start);
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                status = launcher.execute(
                        Long.parseLong(args[1]),
                        (s, p) -> {
                            stored.incrementAndGet();
                            last.set(p);
                        },
                        () -> System.nanoTime() > deadline);
            }
            heap.close();
            RunProgress p = last.get();
            System.out.println("status " + status);
            System.out.printf(
                    "ran %,d of %,d samples in %.1f s (%.1f samples/s); %s%n",
                    stored.get(),
                    p == null ? 0 : p.total(),
                    (System.currentTimeMillis() - start) / 1e3,
                    p == null ? 0 : p.samplesPerSecond(),
                    heap.describe());
            System.exit(0);
        }
    }

    /** The heap in use once collections have freed what they can. */
    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
