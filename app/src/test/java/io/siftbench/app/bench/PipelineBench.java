package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.project.H2ProjectOpener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-step pipeline (question → answer → polish, each step one slot per sample of the step before) of 1,000
 * slots a step, through the real {@link PipelineRunner} of a real project file, against a raw {@code java.net.http}
 * client sending the very request bodies the pipeline sent, both at concurrency 8 to a loopback server that answers
 * each request after a fixed 50 ms. Prints the throughput ratio (goal ≥ 0.9) and the heap left after collection at
 * its highest while the pipeline ran, per slot. Best of two interleaved rounds, after a warm-up of both paths. Run
 * with {@code mvn -Pbench verify -pl app -am -Dtest=PipelineBench}.
 */
class PipelineBench {

    private static final int SLOTS = Integer.getInteger("bench.slots", 1_000);
    private static final int STEPS = 3;
    private static final int CONCURRENCY = 8;
    private static final int ROUNDS = 2;
    private static final long DELAY_MS = 50;

    @TempDir
    Path dir;

    /** Request bodies the server saw while {@link #capture} is on: what the raw client sends again. */
    private final ConcurrentLinkedQueue<byte[]> captured = new ConcurrentLinkedQueue<>();

    private volatile boolean capture;

    @Test
    void aThreeStepPipelineKeepsUpWithARawHttpClient() throws Exception {
        FixedDelayServer server = new FixedDelayServer(DELAY_MS, FixedDelayServer.A_TEXT, body -> {
            if (capture) {
                captured.add(body);
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        HttpClient raw =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY);
                Project project = new H2ProjectOpener().open(dir.resolve("bench"))) {
            for (String prompt : List.of(
                    """
                    {"name": "asker", "mode": "synthesize",
                     "template": {"system": "You write questions customers of a bank ask.", "user": "Topic: {{condition.topic}}"},
                     "conditions": [{"name": "topic", "enabled": true,
                       "values": [{"value": "cards"}, {"value": "fees"}, {"value": "loans"}, {"value": "transfers"}]}],
                     "plan": {"kind": "random", "seed": 7},
                     "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                    """,
                    """
                    {"name": "answerer", "mode": "synthesize",
                     "template": {"system": "You answer as a bank's assistant.", "user": "{{steps.question.text}}"},
                     "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                    """,
                    """
                    {"name": "polisher", "mode": "synthesize",
                     "template": {"system": "You make answers shorter and kinder.",
                                  "user": "Question: {{steps.question.text}}\\nAnswer: {{steps.answer.text}}"},
                     "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                    """)) {
                project.prompts().save(PromptFile.parse(prompt, "bench.prompt.json"));
            }
            StoredPipeline chain = project.pipelines()
                    .save(PipelineFile.parse(
                            """
                    {"name": "three-steps", "steps": [
                      {"name": "question", "prompt": "asker", "input": "none"},
                      {"name": "answer", "prompt": "answerer", "input": "step:question"},
                      {"name": "polish", "prompt": "polisher", "input": "step:answer"}]}
                    """,
                            "bench.pipeline.json"));
            PipelineRunner runner = new ProjectRuns(project, backends, EmbeddingModels::miniLm).pipelines();
            BackendRef backend = new BackendRef("openai", server.url(), "bench");

            // Warm both paths (JIT, connection pools, the project's tables) before measuring.
            capture = true;
            pipeline(runner, chain, backend, SLOTS / 10);
            capture = false;
            RawReplay.requestsPerSecond(raw, callers, server.url(), List.copyOf(captured), "has not arrived");

            double bestPipeline = 0;
            double bestRaw = 0;
            long peakHeap = 0;
            for (int round = 0; round < ROUNDS; round++) {
                captured.clear();
                capture = true;
                HeapWatch heap = new HeapWatch();
                bestPipeline = Math.max(bestPipeline, pipeline(runner, chain, backend, SLOTS));
                peakHeap = Math.max(peakHeap, heap.stop());
                capture = false;
                List<byte[]> bodies = List.copyOf(captured);
                assertThat(bodies).hasSize(SLOTS * STEPS);
                bestRaw = Math.max(
                        bestRaw, RawReplay.requestsPerSecond(raw, callers, server.url(), bodies, "has not arrived"));
            }
            double ratio = bestPipeline / bestRaw;
            System.out.printf(
                    "PipelineBench: %d steps of %d slots at concurrency %d, server delay %d ms (ideal %.1f"
                            + " requests/s)%n",
                    STEPS, SLOTS, CONCURRENCY, DELAY_MS, CONCURRENCY * 1000.0 / DELAY_MS);
            System.out.printf(
                    "PipelineBench: raw java.net.http %.1f requests/s, Siftbench pipeline %.1f samples/s%n",
                    bestRaw, bestPipeline);
            System.out.printf("PipelineBench: throughput ratio pipeline/raw = %.3f (goal >= 0.9)%n", ratio);
            System.out.printf(
                    "PipelineBench: heap after collection at most %.1f MB while it ran: %.1f KB per slot of the"
                            + " %d (an upper bound: it holds the project, the client and the JIT's data too)%n",
                    peakHeap / 1e6, peakHeap / 1e3 / (SLOTS * STEPS), SLOTS * STEPS);
            assertThat(ratio).isGreaterThan(0);
        } finally {
            callers.shutdownNow();
            server.close();
        }
    }

    /** Samples per second of a new pipeline run of {@code slots} slots a step, every step's sample checked. */
    private static double pipeline(PipelineRunner runner, StoredPipeline chain, BackendRef backend, int slots)
            throws InterruptedException {
        long start = System.nanoTime();
        long id = runner.start(
                chain,
                new PipelineSettings(
                        backend,
                        null,
                        slots,
                        7,
                        CONCURRENCY,
                        1,
                        RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        PipelineRunner.Outcome outcome = runner.execute(id, (step, definition, run) -> (s, p) -> {}, () -> false);
        double rate = (double) slots * STEPS / ((System.nanoTime() - start) / 1e9);
        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.stepRuns()).hasSize(STEPS).allSatisfy(r -> assertThat(r.samples())
                .as("samples of run %d", r.id())
                .isEqualTo(slots));
        assertThat(outcome.stepRuns()).extracting(RunInfo::failures).containsOnly(0L);
        return rate;
    }

    /**
     * The highest heap use the collector left behind (each heap pool's usage after its last collection), read every
     * 20 ms while a pipeline runs.
     */
    private static final class HeapWatch {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread = new Thread(this::watch, "heap-watch");

        HeapWatch() {
            thread.setDaemon(true);
            thread.start();
        }

        private void watch() {
            while (running) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        used += pool.getCollectionUsage().getUsed();
                    }
                }
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }
}
