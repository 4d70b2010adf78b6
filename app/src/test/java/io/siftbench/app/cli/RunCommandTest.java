package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
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

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LoopbackServer server;
    private Path project;
    private String previousHome;

    @BeforeEach
    void setUp() throws Exception {
        // The user's saved backends are read from here: an empty folder, not the machine's own settings.
        previousHome = System.setProperty("siftbench.home", dir.resolve("home").toString());
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answer("{\"label\": \"a\"}"));
        project = dir.resolve("p");
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                IntStream.range(0, 30)
                        .mapToObj(i -> "question " + i + "," + (i % 3 == 0 ? "cards" : "fees"))
                        .collect(Collectors.joining("\n", "text,topic\n", "\n")));
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
    }

    @AfterEach
    void tearDown() {
        server.close();
        if (previousHome == null) {
            System.clearProperty("siftbench.home");
        } else {
            System.setProperty("siftbench.home", previousHome);
        }
    }

    private int run(String where) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "run",
                "--project",
                project.toString(),
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
        assertThat(run("topic=cards")).as(err::toString).isZero();

        JsonNode summary = JSON.readTree(out.toString());
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

        out.getBuffer().setLength(0);
        assertThat(Cli.execute(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "runs",
                        "--project",
                        project.toString()))
                .isZero();
        JsonNode listed = JSON.readTree(out.toString()).get(0);
        assertThat(listed.path("settings").asText()).isEqualTo("questions · topic = cards · T 0.2");
        assertThat(listed.path("target").asInt())
                .as("the fields before it stay")
                .isEqualTo(10);
    }

    @Test
    void aFilterThatMatchesNothingSaysSoAndStartsNothing() {
        assertThat(run("topic=loans")).isNotZero();

        assertThat(err.toString()).contains("No record of dataset 'questions' has topic = loans.");
        assertThat(out.toString()).isEmpty();
        assertThat(server.chatRequests()).isZero();
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.runs().list()).isEmpty();
        }
    }

    @Test
    void aRunWithFailedSlotsSaysHowManyWhyAndHowToRetryThemAndResumeDoesSo() {
        server.then(LoopbackServer.status(400), LoopbackServer.status(401), LoopbackServer.status(400));

        assertThat(run("topic=cards")).isEqualTo(1);

        assertThat(err.toString())
                .contains("run 1 finished with 3 of 10 slots failed: 2 requests refused, "
                        + "1 not authorized (check the API key). Retry them with: siftbench run --project " + project
                        + " --resume 1\n");
        assertThat(server.chatRequests()).as("a 4xx is never retried").isEqualTo(10);

        server.then(LoopbackServer.status(404));
        assertThat(resume(1)).isEqualTo(1);
        assertThat(server.chatRequests())
                .as("the resume sent the 3 failed slots only")
                .isEqualTo(13);
        assertThat(err.toString())
                .contains("run 1 finished with 1 of 10 slots failed: 1 request refused. "
                        + "Retry it with: siftbench run --project " + project + " --resume 1\n");

        assertThat(resume(1)).as(err::toString).isZero();
        assertThat(err.toString()).doesNotContain("failed");
        assertThat(server.chatRequests()).isEqualTo(14);
    }

    private int resume(long runId) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "run",
                "--project",
                project.toString(),
                "--resume",
                String.valueOf(runId));
    }
}
