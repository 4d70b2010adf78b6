package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.EndpointFigures;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run spread over two servers against the same run on one: loopback servers of fixed capacity (at most
 * {@value #CAPACITY} requests served at once, each after {@value #DELAY_MS} ms, the rest queued, as a model server of
 * fixed batch size), so that one server's throughput is capacity / delay however much it is sent. Prints the
 * throughput of each and their ratio (goal ≥ 1.9), then runs again on two servers with the second one stopped a third
 * of the way through: the run must complete with every slot's one valid sample, none lost, none twice. Run with
 * {@code mvn -Pbench verify -pl app -am -Dtest=EndpointsBench}.
 */
class EndpointsBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 1_200);
    private static final int CAPACITY = 4;
    private static final long DELAY_MS = 50;
    /**
     * Each endpoint's limit: twice its capacity, so that a request is queued at the server while the client parses and
     * stores the one before it, and the server never waits on the client (one server alone gets this many workers).
     */
    private static final int LIMIT = 2 * CAPACITY;

    @TempDir
    Path dir;

    private final AtomicReference<BackendSettings> userBackends = new AtomicReference<>(BackendSettings.EMPTY);

    @Test
    void twoServersServeAboutTwiceAsFastAsOneAndARunSurvivesLosingOne() throws Exception {
        AtomicInteger toSecond = new AtomicInteger();
        FixedDelayServer first = new FixedDelayServer(DELAY_MS, CAPACITY, FixedDelayServer.CARD_ARRIVAL, b -> {});
        FixedDelayServer second = new FixedDelayServer(
                DELAY_MS, CAPACITY, FixedDelayServer.CARD_ARRIVAL, b -> toSecond.incrementAndGet());
        FixedDelayServer killed = new FixedDelayServer(
                DELAY_MS, CAPACITY, FixedDelayServer.CARD_ARRIVAL, b -> toSecond.incrementAndGet());
        try (RunBackends backends = new RunBackends(userBackends::get);
                Project project = new H2ProjectOpener().open(dir.resolve("bench"))) {
            RunLauncher launcher = new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
            DatasetInfo questions = questions(project);
            StoredVersion prompt = prompt(project);

            // Warm both paths (JIT, connection pools, the project's tables) before measuring.
            spreadOver(first, second);
            run(launcher, project, config(prompt, questions, first, SAMPLES / 10, 2 * LIMIT));
            userBackends.set(BackendSettings.EMPTY);
            run(launcher, project, config(prompt, questions, first, SAMPLES / 10, LIMIT));

            double one = 0;
            double two = 0;
            for (int round = 0; round < 2; round++) {
                userBackends.set(BackendSettings.EMPTY);
                one = Math.max(one, run(launcher, project, config(prompt, questions, first, SAMPLES, LIMIT)));
                spreadOver(first, second);
                two = Math.max(two, run(launcher, project, config(prompt, questions, first, SAMPLES, 2 * LIMIT)));
            }
            double ideal = CAPACITY * 1000.0 / DELAY_MS;
            System.out.printf(
                    "EndpointsBench: %d annotate samples, servers of capacity %d at %d ms (ideal %.0f samples/s each),"
                            + " %d in flight at each endpoint%n",
                    SAMPLES, CAPACITY, DELAY_MS, ideal, LIMIT);
            System.out.printf("EndpointsBench: one server %.1f samples/s, two servers %.1f samples/s%n", one, two);
            System.out.printf("EndpointsBench: throughput ratio two/one = %.3f (goal >= 1.9)%n", two / one);

            // The second server stopped a third of the way through: the run goes on on the first alone.
            spreadOver(first, killed);
            toSecond.set(0);
            Thread stopper = new Thread(() -> {
                while (toSecond.get() < SAMPLES / 6) {
                    Thread.onSpinWait();
                }
                killed.close();
            });
            stopper.setDaemon(true);
            stopper.start();
            RunInfo run = launcher.create(config(prompt, questions, first, SAMPLES, 2 * LIMIT));
            long start = System.nanoTime();
            assertThat(launcher.execute(run.id(), (s, p) -> {}, () -> false)).isEqualTo(RunStatus.COMPLETED);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Sample> samples = project.samples().list(run.id(), 0, SAMPLES + 1);
            long lost = SAMPLES
                    - samples.stream().filter(s -> !s.failed() && s.valid()).count();
            long twice = samples.size()
                    - samples.stream().map(s -> s.slot().key()).distinct().count();
            System.out.printf(
                    "EndpointsBench: second server stopped after %d requests: %d samples in %.1f s, %d lost, %d twice;"
                            + " by endpoint %s%n",
                    SAMPLES / 6,
                    samples.size(),
                    seconds,
                    lost,
                    twice,
                    project.samples().endpointFigures(run.id()).stream()
                            .map(f -> (f.endpoint().equals(first.url()) ? "first" : "stopped") + " " + f.samples()
                                    + " (" + f.failed() + " failed, median " + f.medianLatencyMillis() + " ms)")
                            .collect(Collectors.joining(", ")));
            assertThat(samples).hasSize(SAMPLES);
            assertThat(lost).isZero();
            assertThat(twice).isZero();
            assertThat(project.samples().endpointFigures(run.id()))
                    .extracting(EndpointFigures::endpoint)
                    .contains(first.url(), killed.url());
            assertThat(two / one).isGreaterThan(0);
        } finally {
            first.close();
            second.close();
            killed.close();
        }
    }

    /** The user's backend at {@code a} lists {@code a} and {@code b}, each with {@link #LIMIT} in flight. */
    private void spreadOver(FixedDelayServer a, FixedDelayServer b) {
        userBackends.set(new BackendSettings(
                List.of(BackendConfig.of(BackendKind.OPENAI, a.url(), "bench")
                        .withName("replicas")
                        .withEndpoints(List.of(new Endpoint(a.url(), LIMIT), new Endpoint(b.url(), LIMIT)))),
                "replicas",
                GenerationParameters.DEFAULT));
    }

    private DatasetInfo questions(Project project) throws Exception {
        return AnnotateBenchProject.questions(project, dir, SAMPLES);
    }

    private static StoredVersion prompt(Project project) {
        return project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate",
                 "task": {"role": "You label banking questions.", "labels": [{"name": "card_arrival"}, {"name": "other"}],
                          "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}", "user": "Q: {{text}}\\nA:"}}
                """,
                        "intent.json"));
    }

    private static RunConfig config(
            StoredVersion prompt, DatasetInfo questions, FixedDelayServer at, int samples, int concurrency) {
        return new RunConfig(
                prompt.id(),
                prompt.mode(),
                new BackendRef("openai", at.url(), "bench"),
                "{}",
                questions.id(),
                1,
                concurrency,
                samples,
                1,
                RunDetails.of(samples, GenerationParameters.DEFAULT).toJson());
    }

    /** Samples per second of a new run of {@code config}, after checking every sample is stored and valid. */
    private static double run(RunLauncher launcher, Project project, RunConfig config) throws InterruptedException {
        return AnnotateBenchProject.timedRun(
                launcher, project, config, s -> assertThat(s.valid()).isTrue());
    }
}
