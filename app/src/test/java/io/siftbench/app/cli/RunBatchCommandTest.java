package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackBatches;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        previousHome = System.setProperty("siftbench.home", dir.resolve("home").toString());
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answer("{\"label\": \"a\"}"));
        project = dir.resolve("p");
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                IntStream.range(0, 8).mapToObj(i -> "question " + i).collect(Collectors.joining("\n", "text\n", "\n")));
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

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--project";
        all[2] = project.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
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
                .as(err::toString)
                .isZero();
        JsonNode exported = JSON.readTree(out.toString());
        assertThat(exported.path("lines").asInt()).isEqualTo(8);
        assertThat(Files.readAllLines(input)).hasSize(8);
        assertThat(server.chatRequests()).as("a batch file sends nothing").isZero();
        RunInfo run = stored();
        assertThat(run.status().id()).isEqualTo("cancelled");
        assertThat(err.toString()).contains("--resume " + run.id() + " --batch-in FILE");

        // Five of the eight answered: imported, the three others still to come.
        List<String> answers = LoopbackBatches.answers(server.url() + "/chat/completions", Files.readAllLines(input));
        Path output = Files.write(dir.resolve("out.jsonl"), answers.subList(0, 5));
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-in", output.toString()))
                .as(err::toString)
                .isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.path("imported").asInt()).isEqualTo(5);
        assertThat(report.path("missing").asInt()).isEqualTo(3);
        assertThat(err.toString()).contains("5 imported (0 invalid), 0 failed, 3 still missing");

        Path rest = dir.resolve("rest.jsonl");
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-out", rest.toString()))
                .as(err::toString)
                .isZero();
        assertThat(Files.readAllLines(rest)).hasSize(3);

        // The same file again: every line is for a slot that has its sample now, and the exit says so.
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-in", output.toString()))
                .isEqualTo(1);
        assertThat(JSON.readTree(out.toString()).path("foreign")).hasSize(5);

        LoopbackBatches.on(server);
        assertThat(run("--resume", String.valueOf(run.id()), "--batch-submit", "--batch-poll", "0.02"))
                .as(err::toString)
                .isZero();
        JsonNode submitted = JSON.readTree(out.toString());
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
        assertThat(err.toString()).contains("--batch-in needs the run it answers: --resume RUN.");
        assertThat(run("--resume", String.valueOf(stored().id()), "--batch-in", input.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("is not a batch output file: line 1 is a batch-input line");
        assertThat(stored().samples()).isZero();
    }
}
