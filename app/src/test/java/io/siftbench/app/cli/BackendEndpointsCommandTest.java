package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backend add} with repeated {@code --endpoint}s, a run on that backend spread over two loopback servers, and
 * what {@code runs} says each of them did; the user's backends in a settings folder of the test's own.
 */
class BackendEndpointsCommandTest {

    @TempDir
    Path dir;

    private LoopbackServer first;
    private LoopbackServer second;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        // The project is made by the run's test; until then the commands need none.
        cli = new InProcessCli(dir, dir.resolve("p"));
        first = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.answerSlowly("{\"label\": \"a\"}", Duration.ofMillis(30)));
        second = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.answerSlowly("{\"label\": \"a\"}", Duration.ofMillis(30)));
    }

    @AfterEach
    void tearDown() {
        first.close();
        second.close();
        cli.close();
    }

    private int add(String... endpoints) {
        List<String> args = new java.util.ArrayList<>(
                List.of("backend", "add", "--name", "replicas", "--kind", "openai", "--model", "tiny"));
        for (String e : endpoints) {
            args.add("--endpoint");
            args.add(e);
        }
        return cli.runWithoutProject(args.toArray(String[]::new));
    }

    @Test
    void aBadEndpointIsRefusedNamingItAndSavesNothing() {
        assertThat(add("localhost:8080", first.url())).isEqualTo(1);
        assertThat(cli.err()).contains("Endpoint 'localhost:8080' is not a server URL");
        assertThat(add(first.url() + "=0", second.url())).isEqualTo(1);
        assertThat(cli.err()).contains("Endpoint " + first.url() + ": requests in flight must be at least 1, got 0");
        assertThat(add(first.url(), second.url() + "=2", first.url() + "/=3")).isEqualTo(1);
        assertThat(cli.err()).contains("Endpoint " + first.url() + "/ is listed twice");
        assertThat(JsonBackendsFile.forCurrentUser().load().backends()).isEmpty();
    }

    @Test
    void aRunOnABackendOfTwoEndpointsIsSpreadOverBothAndRunsSaysWhatEachDid() throws Exception {
        assertThat(add(first.url() + "=2", second.url() + "=3")).as(cli::err).isZero();
        JsonNode added = cli.printed();
        assertThat(added.path("endpoints").toString())
                .isEqualTo("[\"" + first.url() + "=2\",\"" + second.url() + "=3\"]");
        BackendConfig saved =
                JsonBackendsFile.forCurrentUser().load().find("replicas").orElseThrow();
        assertThat(saved.endpoints()).containsExactly(new Endpoint(first.url(), 2), new Endpoint(second.url(), 3));

        TopicsProject.create(dir, "text", TopicsProject.questions(20));
        assertThat(cli.run(
                        "run",
                        "--prompt",
                        "topics",
                        "--backend",
                        "openai:" + first.url(),
                        "--model",
                        "tiny",
                        "--dataset",
                        "questions",
                        "--concurrency",
                        "5"))
                .as(cli::err)
                .isZero();
        assertThat(first.chatRequests()).isPositive();
        assertThat(second.chatRequests()).isPositive();
        assertThat(first.maxConcurrentChats()).isLessThanOrEqualTo(2);
        assertThat(second.maxConcurrentChats()).isLessThanOrEqualTo(3);

        assertThat(cli.run("runs")).as(cli::err).isZero();
        JsonNode endpoints = cli.printed().get(0).path("endpoints");
        assertThat(StreamSupport.stream(endpoints.spliterator(), false)
                        .map(e -> e.path("endpoint").asText() + " "
                                + e.path("samples").asInt() + " "
                                + e.path("failed").asInt()))
                .containsExactlyInAnyOrder(
                        first.url() + " " + first.chatRequests() + " 0",
                        second.url() + " " + second.chatRequests() + " 0");
        assertThat(endpoints.get(0).path("medianLatencyMillis").asLong()).isGreaterThanOrEqualTo(30);
    }
}
