package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.EndpointFigures;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs on one backend spread over two servers: the real OpenAI client of langchain4j against two loopback servers,
 * every sample in a real project file. The first server is the fixture's; the second is started (or not) by each
 * test.
 */
class EndpointsRunTest {

    private static final String LABEL = "{\"label\": \"card_arrival\"}";

    private LoopbackServer second;
    private List<Endpoint> endpoints;

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject(this::replicas);

    private BackendSettings replicas() {
        return new BackendSettings(
                List.of(BackendConfig.of(BackendKind.OPENAI, fixture.server().url(), "tiny")
                        .withName("replicas")
                        .withLimits(4, 1)
                        .withEndpoints(endpoints)),
                "replicas",
                GenerationParameters.DEFAULT);
    }

    @BeforeEach
    void start() throws Exception {
        second = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
    }

    @AfterEach
    void stop() {
        second.close();
    }

    @Test
    void requestsGoToBothEndpointsAndNeverAboveEitherLimit() throws Exception {
        LoopbackServer first = fixture.server().always(LoopbackServer.answerSlowly(LABEL, Duration.ofMillis(40)));
        second.always(LoopbackServer.answerSlowly(LABEL, Duration.ofMillis(40)));
        endpoints = List.of(new Endpoint(first.url(), 2), new Endpoint(second.url(), 3));

        RunInfo run = run(30, 5);

        List<Sample> samples = valid(run, 30);
        assertThat(first.maxConcurrentChats()).isBetween(1, 2);
        assertThat(second.maxConcurrentChats()).isBetween(1, 3);
        assertThat(first.chatRequests() + second.chatRequests()).isEqualTo(30);
        Map<String, Long> byEndpoint =
                samples.stream().collect(Collectors.groupingBy(Sample::endpoint, Collectors.counting()));
        assertThat(byEndpoint)
                .containsEntry(first.url(), (long) first.chatRequests())
                .containsEntry(second.url(), (long) second.chatRequests());
        List<EndpointFigures> figures = fixture.project().samples().endpointFigures(run.id());
        assertThat(figures).extracting(EndpointFigures::endpoint).containsExactlyInAnyOrder(first.url(), second.url());
        assertThat(figures).allSatisfy(f -> {
            assertThat(f.failed()).isZero();
            assertThat(f.medianLatencyMillis()).isGreaterThanOrEqualTo(40);
        });
        assertThat(figures.stream().mapToLong(EndpointFigures::samples).sum()).isEqualTo(30);
    }

    @Test
    void anEndpointDownFromTheStartLeavesEverySlotToTheOther() throws Exception {
        LoopbackServer first = fixture.server().always(LoopbackServer.answer(LABEL));
        endpoints = List.of(new Endpoint(first.url(), 2), new Endpoint(closedPort(), 2));

        RunInfo run = run(20, 4);

        assertThat(valid(run, 20)).extracting(Sample::endpoint).containsOnly(first.url());
        assertThat(first.chatRequests()).isEqualTo(20);
    }

    @Test
    void anEndpointFailingIsRestedAndItsRequestsAnsweredByTheOther() throws Exception {
        LoopbackServer first = fixture.server().always(LoopbackServer.answerSlowly(LABEL, Duration.ofMillis(20)));
        second.always(LoopbackServer.status(503));
        endpoints = List.of(new Endpoint(first.url(), 2), new Endpoint(second.url(), 2));

        RunInfo run = run(40, 4);

        assertThat(valid(run, 40)).extracting(Sample::endpoint).containsOnly(first.url());
        // Never rested, it would be sent a request every time one of its two places came free, more than one in
        // two of all; rested with a growing back-off, it is only tried again now and then.
        assertThat(second.chatRequests()).isBetween(1, 15);
    }

    @Test
    void anEndpointStoppedMidRunLosesNoSampleAndDuplicatesNone() throws Exception {
        LoopbackServer first = fixture.server().always(LoopbackServer.answerSlowly(LABEL, Duration.ofMillis(30)));
        second.always(LoopbackServer.answerSlowly(LABEL, Duration.ofMillis(30)));
        endpoints = List.of(new Endpoint(first.url(), 2), new Endpoint(second.url(), 2));
        Thread killer = new Thread(() -> {
            while (second.chatRequests() < 6) {
                Thread.onSpinWait();
            }
            second.close();
        });
        killer.setDaemon(true);
        killer.start();

        RunInfo run = run(40, 4);

        List<Sample> samples = valid(run, 40);
        assertThat(samples).extracting(Sample::endpoint).contains(first.url(), second.url());
        assertThat(samples.stream().filter(s -> s.endpoint().equals(second.url())))
                .as("it answered only before it stopped")
                .hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void withEveryEndpointDownASlotFailsAsOnOneServerNamingTheLastEndpointTried() throws Exception {
        String a = fixture.server().url();
        fixture.server().close();
        String b = closedPort();
        endpoints = List.of(new Endpoint(a, 1), new Endpoint(b, 1));

        RunInfo run = run(2, 2);

        List<Sample> samples = fixture.project().samples().list(run.id(), 0, 10);
        assertThat(samples).hasSize(2).allSatisfy(s -> {
            assertThat(s.failed()).isTrue();
            assertThat(s.endpoint()).isIn(a, b);
            assertThat(s.error()).contains(s.endpoint()).contains("connection refused after 2 attempts");
        });
        assertThat(fixture.project().samples().endpointFigures(run.id()))
                .allSatisfy(f -> assertThat(f.samples()).isZero())
                .extracting(EndpointFigures::failed)
                .containsAnyOf(1L, 2L)
                .matches(failed -> failed.stream().mapToLong(Long::longValue).sum() == 2);
    }

    /** Runs {@code slots} records with {@code concurrency} workers to its end. */
    private RunInfo run(int slots, int concurrency) throws Exception {
        DatasetInfo questions = fixture.importCsv(
                "q",
                IntStream.range(0, slots)
                        .mapToObj(i -> "question " + i)
                        .collect(Collectors.joining("\n", "text\n", "\n")));
        StoredVersion prompt = fixture.project()
                .prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                 "template": {"user": "Q: {{text}}"}}
                """,
                        "intent.json"));
        RunLauncher launcher = fixture.launcher();
        RunInfo run = launcher.create(new RunConfig(
                prompt.id(),
                prompt.mode(),
                fixture.backend(),
                "{}",
                questions.id(),
                7,
                concurrency,
                slots,
                1,
                RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        launcher.execute(run.id(), (s, p) -> {}, () -> false);
        return fixture.project().runs().find(run.id()).orElseThrow();
    }

    /** The run's samples: one valid sample for each of its {@code slots} slots, none failed. */
    private List<Sample> valid(RunInfo run, int slots) {
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        List<Sample> samples = fixture.project().samples().list(run.id(), 0, 1000);
        assertThat(samples).hasSize(slots).allSatisfy(s -> {
            assertThat(s.failed()).as(s.error()).isFalse();
            assertThat(s.valid()).isTrue();
        });
        assertThat(samples).extracting(s -> s.slot().key()).doesNotHaveDuplicates();
        return samples;
    }

    /** The URL of a port where nothing listens: a server that is down. */
    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }
}
