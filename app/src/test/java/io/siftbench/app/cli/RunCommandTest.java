package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code siftbench run --where} in-process on a real project file, against a loopback server speaking the
 * OpenAI protocol: the target is the number of matching records, and the run stores its details once.
 */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Path project;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answer("{\"label\": \"a\"}"));
        project = TopicsProject.create(
                dir,
                "text,topic",
                IntStream.range(0, 30)
                        .mapToObj(i -> "question " + i + "," + (i % 3 == 0 ? "cards" : "fees"))
                        .toList());
        cli = new InProcessCli(dir, project);
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    private int run(String where) {
        return cli.run(
                "run",
                "--prompt",
                "topics",
                "--backend",
                "openai:" + server.url(),
                "--model",
                "tiny",
                "--dataset",
                "questions",
                "--where",
                where,
                "--temperature",
                "0.2",
                "--concurrency",
                "2");
    }

    @Test
    void annotatesTheMatchingRecordsAndStoresTheDetailsOnce() throws Exception {
        assertThat(run("topic=cards")).as(cli::err).isZero();

        JsonNode summary = cli.printed();
        assertThat(summary.path("target").asInt()).isEqualTo(10);
        assertThat(summary.path("samples").asInt()).isEqualTo(10);
        try (Project p = new H2ProjectOpener().open(project)) {
            RunInfo stored = p.runs().list().get(0);
            assertThat(RunDetails.fromJson(stored.config().details()).whereValue())
                    .isEqualTo("cards");
            JsonNode parameters = JSON.readTree(stored.config().parameters());
            assertThat(parameters.fieldNames())
                    .toIterable()
                    .containsExactly("temperature", "topP", "maxTokens", "stop", "timeoutSeconds");
            assertThat(parameters.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(p.samples().list(stored.id(), 0, 100))
                    .hasSize(10)
                    .allSatisfy(s ->
                            assertThat(s.parameters()).isEqualTo(stored.config().parameters()))
                    .extracting(s -> Integer.parseInt(
                                    s.slot().messages().get(0).content().substring(9))
                            % 3)
                    .containsOnly(0);
        }

        assertThat(cli.run("runs")).isZero();
        JsonNode listed = cli.printed().get(0);
        assertThat(listed.path("settings").asText()).isEqualTo("questions · topic = cards · T 0.2");
        assertThat(listed.path("target").asInt())
                .as("the fields before it stay")
                .isEqualTo(10);
    }

    @Test
    void aFilterThatMatchesNothingSaysSoAndStartsNothing() {
        assertThat(run("topic=loans")).isNotZero();

        assertThat(cli.err()).contains("No record of dataset 'questions' has topic = loans.");
        assertThat(cli.out()).isEmpty();
        assertThat(server.chatRequests()).isZero();
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.runs().list()).isEmpty();
        }
    }

    @Test
    void aRunWithFailedSlotsSaysHowManyWhyAndHowToRetryThemAndResumeDoesSo() {
        server.then(LoopbackServer.status(400), LoopbackServer.status(401), LoopbackServer.status(400));

        assertThat(run("topic=cards")).isEqualTo(1);

        assertThat(cli.err())
                .contains("run 1 finished with 3 of 10 slots failed: 2 requests refused, "
                        + "1 not authorized (check the API key). Retry them with: siftbench run --project " + project
                        + " --resume 1\n");
        assertThat(server.chatRequests()).as("a 4xx is never retried").isEqualTo(10);

        server.then(LoopbackServer.status(404));
        assertThat(resume(1)).isEqualTo(1);
        assertThat(server.chatRequests())
                .as("the resume sent the 3 failed slots only")
                .isEqualTo(13);
        assertThat(cli.err())
                .contains("run 1 finished with 1 of 10 slots failed: 1 request refused. "
                        + "Retry it with: siftbench run --project " + project + " --resume 1\n");

        assertThat(resume(1)).as(cli::err).isZero();
        assertThat(cli.err()).doesNotContain("failed");
        assertThat(server.chatRequests()).isEqualTo(14);
    }

    private int resume(long runId) {
        return cli.run("run", "--resume", String.valueOf(runId));
    }
}
