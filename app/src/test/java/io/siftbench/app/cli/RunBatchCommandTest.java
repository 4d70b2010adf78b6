package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackBatches;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code siftbench run --batch-out / --batch-in / --batch-submit} in-process on a real project file, against a
 * loopback server speaking the OpenAI protocol: a run planned into a batch file with nothing sent, a partial
 * output imported, the rest written again and then sent through the server's batches API.
 */
class RunBatchCommandTest {

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Path project;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answer("{\"label\": \"a\"}"));
        project = TopicsProject.create(dir, "text", TopicsProject.questions(8));
        cli = new InProcessCli(dir, project);
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    private int run(String... args) {
        return cli.run(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("run"), java.util.stream.Stream.of(args))
                        .toArray(String[]::new));
    }

    private RunInfo stored() {
        try (Project p = new H2ProjectOpener().open(project)) {
            return p.runs().list().get(0);
        }
    }

    @Test
    void aRunGoesOutAsABatchFileAndComesBackFromItsOutputAndTheServersBatches() throws Exception {
        Path input = dir.resolve("batch.jsonl");
        assertThat(run(
                        "--prompt",
                        "topics",
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--dataset",
                        "questions",
                        "--batch-out",
                        input.toString()))
                .as(cli::err)
                .isZero();
        JsonNode exported = cli.printed();
        assertThat(exported.path("lines").asInt()).isEqualTo(8);
        assertThat(Files.readAllLines(input)).hasSize(8);
        assertThat(server.chatRequests()).as("a batch file sends nothing").isZero();
        RunInfo run = stored();
        assertThat(run.status().id()).isEqualTo("cancelled");
        assertThat(cli.err()).contains("--resume " + run.id() + " --batch-in FILE");

        // Five of the eight answered: imported, the three others still to come.
        List<String> answers = LoopbackBatches.answers(server.url() + "/chat/completions", Files.readAllLines(input));
        Path output = Files.write(dir.resolve("out.jsonl"), answers.subList(0, 5));
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-in", output.toString()))
                .as(cli::err)
                .isZero();
        JsonNode report = cli.printed();
        assertThat(report.path("imported").asInt()).isEqualTo(5);
        assertThat(report.path("missing").asInt()).isEqualTo(3);
        assertThat(cli.err()).contains("5 imported (0 invalid), 0 failed, 3 still missing");

        Path rest = dir.resolve("rest.jsonl");
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-out", rest.toString()))
                .as(cli::err)
                .isZero();
        assertThat(Files.readAllLines(rest)).hasSize(3);

        // The same file again: every line is for a slot that has its sample now, and the exit says so.
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-in", output.toString()))
                .isEqualTo(1);
        assertThat(cli.printed().path("foreign")).hasSize(5);

        LoopbackBatches.on(server);
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-submit", "--batch-poll", "0.02"))
                .as(cli::err)
                .isZero();
        JsonNode submitted = cli.printed();
        assertThat(submitted.path("status").asText()).isEqualTo("completed");
        assertThat(submitted.path("report").path("imported").asInt()).isEqualTo(3);
        assertThat(stored().status().id()).isEqualTo("completed");
        assertThat(stored().samples()).isEqualTo(8);
    }

    @Test
    void anImportNamesItsRunAndAFileThatIsNoOutputChangesNothing() throws Exception {
        Path input = dir.resolve("batch.jsonl");
        run(
                "--prompt",
                "topics",
                "--backend",
                "openai:" + server.url(),
                "--dataset",
                "questions",
                "--batch-out",
                "" + input);

        assertThat(run(
                        "--prompt",
                        "topics",
                        "--backend",
                        "openai:x",
                        "--dataset",
                        "questions",
                        "--batch-in",
                        "" + input))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--batch-in needs the run it answers: --resume RUN.");
        assertThat(run("--resume", String.valueOf(stored().id()), "--batch-in", input.toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("is not a batch output file: line 1 is a batch-input line");
        assertThat(stored().samples()).isZero();
    }
}
