package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.storage.project.H2ProjectOpener;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole annotate run (the real {@link RunLauncher} of a real project file: planning, rendering, the
 * langchain4j client, parsing, validation against the label schema, one committed row per sample) against
 * a raw {@code java.net.http} client sending the very request bodies the run sent, both at concurrency 8 to
 * a loopback server that answers each request after a fixed 50 ms. Prints the throughput ratio (goal ≥ 0.95)
 * and the time each sample costs a worker beyond the raw request (goal ≤ 2 ms). Best of two interleaved
 * rounds, each after a warm-up of both paths. Run with {@code mvn -Pbench verify -pl app -am}.
 */
class RunBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 5_000);
    private static final int CONCURRENCY = 8;
    private static final int ROUNDS = 2;
    private static final long DELAY_MS = 50;
    private static final List<String> LABELS = List.of(
            "card_arrival",
            "lost_or_stolen_card",
            "exchange_rate",
            "top_up_failed",
            "pin_blocked",
            "refund_not_showing_up",
            "transfer_timing",
            "cash_withdrawal_charge");

    @TempDir
    Path dir;

    /** Request bodies the server saw while {@link #capture} is on: what the raw client sends again. */
    private final ConcurrentLinkedQueue<byte[]> captured = new ConcurrentLinkedQueue<>();

    private volatile boolean capture;

    @Test
    void aRunKeepsUpWithARawHttpClient() throws Exception {
        FixedDelayServer server = new FixedDelayServer(DELAY_MS, FixedDelayServer.CARD_ARRIVAL, body -> {
            if (capture) {
                captured.add(body);
            }
        });
        String url = server.url();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        HttpClient raw =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY);
                Project project = new H2ProjectOpener().open(dir.resolve("bench"))) {
            DatasetInfo questions = AnnotateBenchProject.questions(project, dir, SAMPLES);
            StoredVersion prompt = AnnotateBenchProject.intentPrompt(project, LABELS);
            RunLauncher launcher = new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
            RunConfig config = new RunConfig(
                    prompt.id(),
                    prompt.mode(),
                    new BackendRef("openai", url, "bench"),
                    "{}",
                    questions.id(),
                    1,
                    CONCURRENCY,
                    SAMPLES,
                    1,
                    RunDetails.of(null, GenerationParameters.DEFAULT).toJson());

            // Warm both paths (JIT, connection pools, the project's tables) before measuring.
            capture = true;
            run(launcher, withLimit(config, SAMPLES / 10), project);
            capture = false;
            List<byte[]> warmBodies = List.copyOf(captured);
            RawReplay.requestsPerSecond(raw, callers, url, warmBodies, "card_arrival");

            double bestRun = 0;
            double bestRaw = 0;
            for (int round = 0; round < ROUNDS; round++) {
                captured.clear();
                capture = true;
                bestRun = Math.max(bestRun, run(launcher, config, project));
                capture = false;
                List<byte[]> bodies = List.copyOf(captured);
                assertThat(bodies).hasSize(SAMPLES);
                bestRaw = Math.max(bestRaw, RawReplay.requestsPerSecond(raw, callers, url, bodies, "card_arrival"));
            }
            double ratio = bestRun / bestRaw;
            double overheadMs = (1 / bestRun - 1 / bestRaw) * CONCURRENCY * 1000;
            System.out.printf(
                    "RunBench: %d annotate samples at concurrency %d, server delay %d ms (ideal %.1f samples/s)%n",
                    SAMPLES, CONCURRENCY, DELAY_MS, CONCURRENCY * 1000.0 / DELAY_MS);
            System.out.printf(
                    "RunBench: raw java.net.http %.1f requests/s, Siftbench run %.1f samples/s%n", bestRaw, bestRun);
            System.out.printf("RunBench: throughput ratio run/raw = %.3f (goal >= 0.95)%n", ratio);
            System.out.printf("RunBench: per-sample overhead per worker = %.2f ms (goal <= 2 ms)%n", overheadMs);
            assertThat(ratio).isGreaterThan(0);
        } finally {
            callers.shutdownNow();
            server.close();
        }
    }

    private static RunConfig withLimit(RunConfig c, int limit) {
        return new RunConfig(
                c.promptVersionId(),
                c.mode(),
                c.backend(),
                c.parameters(),
                c.datasetId(),
                c.seed(),
                c.concurrency(),
                limit,
                c.votes(),
                RunDetails.of(limit, GenerationParameters.DEFAULT).toJson());
    }

    /** Samples per second of a new run of {@code config}, after checking every sample is stored and valid. */
    private static double run(RunLauncher launcher, RunConfig config, Project project) throws InterruptedException {
        return AnnotateBenchProject.timedRun(launcher, project, config, s -> {
            assertThat(s.valid()).isTrue();
            assertThat(s.label()).isEqualTo("card_arrival");
        });
    }
}
