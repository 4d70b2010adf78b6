package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LoopbackServer first;
    private LoopbackServer second;
    private String previousHome;

    @BeforeEach
    void setUp() throws Exception {
        previousHome = System.setProperty("siftbench.home", dir.resolve("home").toString());
        first = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.answerSlowly("{\"label\": \"a\"}", Duration.ofMillis(30)));
        second = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.answerSlowly("{\"label\": \"a\"}", Duration.ofMillis(30)));
    }

    @AfterEach
    void tearDown() {
        first.close();
        second.close();
        if (previousHome == null) {
            System.clearProperty("siftbench.home");
        } else {
            System.setProperty("siftbench.home", previousHome);
        }
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int add(String... endpoints) {
        List<String> args = new java.util.ArrayList<>(
                List.of("backend", "add", "--name", "replicas", "--kind", "openai", "--model", "tiny"));
        for (String e : endpoints) {
            args.add("--endpoint");
            args.add(e);
        }
        return cli(args.toArray(String[]::new));
    }

    @Test
    void aBadEndpointIsRefusedNamingItAndSavesNothing() {
        assertThat(add("localhost:8080", first.url())).isEqualTo(1);
        assertThat(err.toString()).contains("Endpoint 'localhost:8080' is not a server URL");
        assertThat(add(first.url() + "=0", second.url())).isEqualTo(1);
        assertThat(err.toString())
                .contains("Endpoint " + first.url() + ": requests in flight must be at least 1, got 0");
        assertThat(add(first.url(), second.url() + "=2", first.url() + "/=3")).isEqualTo(1);
        assertThat(err.toString()).contains("Endpoint " + first.url() + "/ is listed twice");
        assertThat(JsonBackendsFile.forCurrentUser().load().backends()).isEmpty();
    }

    @Test
    void aRunOnABackendOfTwoEndpointsIsSpreadOverBothAndRunsSaysWhatEachDid() throws Exception {
        assertThat(add(first.url() + "=2", second.url() + "=3"))
                .as(err::toString)
                .isZero();
        JsonNode added = JSON.readTree(out.toString());
        assertThat(added.path("endpoints").toString())
                .isEqualTo("[\"" + first.url() + "=2\",\"" + second.url() + "=3\"]");
        BackendConfig saved =
                JsonBackendsFile.forCurrentUser().load().find("replicas").orElseThrow();
        assertThat(saved.endpoints()).containsExactly(new Endpoint(first.url(), 2), new Endpoint(second.url(), 3));

        Path project = project(20);
        assertThat(cli(
                        "run",
                        "--project",
                        project.toString(),
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
                .as(err::toString)
                .isZero();
        assertThat(first.chatRequests()).isPositive();
        assertThat(second.chatRequests()).isPositive();
        assertThat(first.maxConcurrentChats()).isLessThanOrEqualTo(2);
        assertThat(second.maxConcurrentChats()).isLessThanOrEqualTo(3);

        assertThat(cli("runs", "--project", project.toString()))
                .as(err::toString)
                .isZero();
        JsonNode endpoints = JSON.readTree(out.toString()).get(0).path("endpoints");
        assertThat(StreamSupport.stream(endpoints.spliterator(), false)
                        .map(e -> e.path("endpoint").asText() + " "
                                + e.path("samples").asInt() + " "
                                + e.path("failed").asInt()))
                .containsExactlyInAnyOrder(
                        first.url() + " " + first.chatRequests() + " 0",
                        second.url() + " " + second.chatRequests() + " 0");
        assertThat(endpoints.get(0).path("medianLatencyMillis").asLong()).isGreaterThanOrEqualTo(30);
    }

    private Path project(int questions) throws Exception {
        Path project = dir.resolve("p");
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                IntStream.range(0, questions)
                        .mapToObj(i -> "question " + i)
                        .collect(Collectors.joining("\n", "text\n", "\n")));
        try (Project p = new H2ProjectOpener().open(project)) {
            p.datasets().importFile(ImportOptions.of(csv), ImportProgress.NONE);
            p.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "topics", "mode": "annotate", "task": {"labels": [{"name": "a"}, {"name": "b"}]},
                     "template": {"user": "{{text}}"}}
                    """,
                            "topics.json"));
        }
        return project;
    }
}
