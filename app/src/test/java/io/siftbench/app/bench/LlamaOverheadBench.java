package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.siftbench.app.backends.LlamaServerProcess;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.project.H2ProjectOpener;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's cost beside a real local model, which shares the machine's cores with the client: an annotate run against
 * the real llama.cpp server from {@code ../shared/bin} (stories260K, its output held to the label schema by the
 * server's grammar), against a raw {@code java.net.http} client sending exactly the request bodies such a run sends.
 * The bodies are recorded once through a loopback proxy; every measured round then talks to the server directly,
 * run and raw interleaved and their order alternated, so that the server's warm-up and drift fall on both. Prints
 * each round's ratio and the median (goal ≥ 0.97), and the client's CPU per sample on both paths. Skipped, with the
 * reason printed, without {@code ../shared}. Run with {@code mvn -Pbench verify -pl app -am -Dtest=LlamaOverheadBench}.
 */
class LlamaOverheadBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 120);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /**
     * Unmeasured rounds first: the run path is far more code than the raw client (H2, langchain4j, Jackson), and C2
     * compiling it takes more CPU per sample than the path itself for the first thousand samples or so (measured:
     * still 10-15 ms of compiling a sample in the third to seventh run of 120), which a researcher's application
     * pays once, not on every run. Each round prints what compiling cost during it.
     */
    private static final int WARM_UPS = Integer.getInteger("bench.warmups", 8);
    /** The server's parallel slots ({@link LlamaServerProcess} starts it with {@code -np 2}). */
    private static final int CONCURRENCY = 2;

    private static final List<String> LABELS = List.of(
            "card_arrival", "lost_or_stolen_card", "exchange_rate", "top_up_failed", "pin_blocked", "transfer_timing");

    @TempDir
    Path dir;

    /** The recording proxy's base URL while it runs. */
    private volatile String proxied = "";

    /**
     * The user's backends as the first use of a llama.cpp server leaves them (detected, so its output schema goes
     * the way this server honours it), at the server and at the proxy in front of it.
     */
    private static BackendSettings llamaAt(String... urls) {
        return new BackendSettings(
                java.util.Arrays.stream(urls)
                        .filter(url -> !url.isEmpty())
                        .map(url -> BackendConfig.of(BackendKind.OPENAI, url, "stories260K")
                                .withName("llama " + url)
                                .withDetected(ServerKind.LLAMA_CPP))
                        .toList(),
                null,
                GenerationParameters.DEFAULT);
    }

    @Test
    void aRunBesideARealLocalModelCostsLittleMoreThanTheRequestsItSends() throws Exception {
        try (LlamaServerProcess llama = LlamaServerProcess.start(dir.resolve("llama-server.log"));
                RunBackends backends = new RunBackends(() -> llamaAt(llama.url(), proxied));
                Project project = new H2ProjectOpener().open(dir.resolve("bench"))) {
            ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
            HttpClient raw =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try {
                RunLauncher launcher = new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
                RunConfig direct = config(project, llama.url());
                List<byte[]> bodies = recorded(launcher, direct, llama.url(), raw);
                assertThat(bodies).hasSize(SAMPLES);
                RawReplay.requestsPerSecond(raw, callers, llama.url(), bodies, "label");
                for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
                    run(launcher, direct, project);
                    RawReplay.requestsPerSecond(raw, callers, llama.url(), bodies, "label");
                }

                List<Double> ratios = new ArrayList<>();
                double runCpu = 0;
                double rawCpu = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    Measured run;
                    Measured replay;
                    // Alternate which goes first: a server that slows or speeds up within a round favours neither.
                    if (round % 2 == 0) {
                        run = measured(() -> run(launcher, direct, project));
                        replay =
                                measured(() -> RawReplay.requestsPerSecond(raw, callers, llama.url(), bodies, "label"));
                    } else {
                        replay =
                                measured(() -> RawReplay.requestsPerSecond(raw, callers, llama.url(), bodies, "label"));
                        run = measured(() -> run(launcher, direct, project));
                    }
                    double ratio = run.perSecond() / replay.perSecond();
                    ratios.add(ratio);
                    runCpu += run.cpuMillis() / SAMPLES / ROUNDS;
                    rawCpu += replay.cpuMillis() / SAMPLES / ROUNDS;
                    System.out.printf(
                            "LlamaOverheadBench: round %d (%s first): run %.2f samples/s, raw %.2f requests/s, ratio %.3f;"
                                    + " CPU per sample run %.2f ms (compiling %.2f), raw %.2f ms (compiling %.2f)%n",
                            round + 1,
                            round % 2 == 0 ? "run" : "raw",
                            run.perSecond(),
                            replay.perSecond(),
                            ratio,
                            run.cpuMillis() / SAMPLES,
                            run.compilingMillis() / SAMPLES,
                            replay.cpuMillis() / SAMPLES,
                            replay.compilingMillis() / SAMPLES);
                }
                List<Double> sorted =
                        ratios.stream().sorted(Comparator.naturalOrder()).toList();
                double median = sorted.size() % 2 == 1
                        ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
                System.out.printf(
                        "LlamaOverheadBench: %d annotate samples at concurrency %d on llama.cpp (stories260K), %d rounds"
                                + " after %d warm-ups%n",
                        SAMPLES, CONCURRENCY, ROUNDS, WARM_UPS);
                System.out.printf("LlamaOverheadBench: median ratio run/raw = %.3f (goal >= 0.97)%n", median);
                System.out.printf(
                        "LlamaOverheadBench: client CPU per sample: run %.2f ms, raw %.2f ms%n", runCpu, rawCpu);
                assertThat(median).isGreaterThan(0);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    /**
     * Throughput of one measured part, the CPU this JVM spent on it (all its threads, the compiler's and the
     * collector's included), and the time the JIT compilers spent meanwhile.
     */
    private record Measured(double perSecond, double cpuMillis, double compilingMillis) {}

    @FunctionalInterface
    private interface Rate {
        double perSecond() throws Exception;
    }

    private static Measured measured(Rate rate) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long cpu = os.getProcessCpuTime();
        double perSecond = rate.perSecond();
        long spent = os.getProcessCpuTime() - cpu;
        long compiled = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling;
        return new Measured(perSecond, spent / 1e6, compiled);
    }

    private RunConfig config(Project project, String url) throws Exception {
        DatasetInfo questions = AnnotateBenchProject.questions(project, dir, SAMPLES);
        StoredVersion prompt = AnnotateBenchProject.intentPrompt(project, LABELS);
        // A short answer: the label's JSON is a dozen tokens, and the grammar ends it there.
        GenerationParameters parameters =
                new GenerationParameters(0.7, 0.95, 32, null, List.of(), Duration.ofSeconds(120));
        return new RunConfig(
                prompt.id(),
                prompt.mode(),
                new BackendRef("openai", url, "stories260K"),
                "{}",
                questions.id(),
                1,
                CONCURRENCY,
                SAMPLES,
                1,
                RunDetails.of(null, parameters).toJson());
    }

    /**
     * The request bodies a run of {@code direct} sends, recorded by a loopback proxy in front of the server: a run of
     * the same configuration through the proxy sends the same bodies, the seed fixing every slot.
     */
    private List<byte[]> recorded(RunLauncher launcher, RunConfig direct, String url, HttpClient raw) throws Exception {
        ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService threads = Executors.newCachedThreadPool();
        proxy.setExecutor(threads);
        proxy.createContext("/v1/chat/completions", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            bodies.add(body);
            try {
                HttpResponse<byte[]> answer = raw.send(
                        HttpRequest.newBuilder(URI.create(url + "/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(answer.statusCode(), answer.body().length);
                ex.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(503, -1);
            }
            ex.close();
        });
        proxy.start();
        try {
            proxied = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/v1";
            RunConfig through = new RunConfig(
                    direct.promptVersionId(),
                    direct.mode(),
                    new BackendRef("openai", proxied, direct.backend().model()),
                    direct.parameters(),
                    direct.datasetId(),
                    direct.seed(),
                    direct.concurrency(),
                    direct.target(),
                    direct.votes(),
                    direct.details());
            RunInfo run = launcher.create(through);
            assertThat(launcher.execute(run.id(), (s, p) -> {}, () -> false)).isEqualTo(RunStatus.COMPLETED);
            proxied = "";
            return List.copyOf(bodies);
        } finally {
            proxy.stop(0);
            threads.shutdownNow();
        }
    }

    /** Samples per second of a new run of {@code config}, after checking every sample is stored and valid. */
    private static double run(RunLauncher launcher, RunConfig config, Project project) throws InterruptedException {
        return AnnotateBenchProject.timedRun(launcher, project, config, s -> assertThat(s.valid())
                .as("%s", s.rawOutput())
                .isTrue());
    }
}
