package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code siftbench run --judge RUN} with the real jar: an annotate run, then a judge run of it against a loopback
 * OpenAI-compatible server, its JSON summary, the listing, and the refusals of a judge run asked for wrongly.
 */
class JudgeCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void judgesAnAnnotateRunAndListsTheJudgeRunWithTheRunItJudged() throws Exception {
        Path project = dir.resolve("judge.mv.db");
        Path questions = dir.resolve("q.csv");
        Files.writeString(questions, "text\nwhere is my card\nhello there\nmy card is lost\n");
        Path annotator = dir.resolve("intent.json");
        Files.writeString(
                annotator,
                """
                {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card"}]},
                 "template": {"user": "Q: {{text}}"}}
                """);
        Path judge = dir.resolve("faithful.json");
        Files.writeString(
                judge,
                """
                {"name": "faithful", "mode": "judge", "scale": {"kind": "pass-fail"},
                 "template": {"user": "Is '{{sample.label}}' right for: {{record.text}}"}}
                """);
        String p = project.toString();
        ok(run("import", "--project", p, "--file", questions.toString(), "--name", "q"));
        ok(run("prompt", "add", "--project", p, "--file", annotator.toString()));
        ok(run("prompt", "add", "--project", p, "--file", judge.toString()));

        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            server.always(LoopbackServer.answering(request -> {
                String user = request.path("messages").get(0).path("content").asText();
                return user.startsWith("Q: ")
                        ? "{\"label\": \"card\"}"
                        : "{\"pass\": "
                                + user.substring(user.indexOf("right for: ")).contains("card")
                                + ", \"reason\": \"looked at it\"}";
            }));
            String backend = "openai:" + server.url();
            ok(run(
                    "run",
                    "--project",
                    p,
                    "--prompt",
                    "intent",
                    "--backend",
                    backend,
                    "--model",
                    "tiny",
                    "--dataset",
                    "q"));

            JarProcess.Result judged = run(
                    "run",
                    "--project",
                    p,
                    "--prompt",
                    "faithful",
                    "--backend",
                    backend,
                    "--model",
                    "tiny",
                    "--judge",
                    "1");
            ok(judged);
            JsonNode summary = JSON.readTree(judged.stdout());
            assertThat(summary.path("mode").asText()).isEqualTo("judge");
            assertThat(summary.path("judged").asLong()).isEqualTo(1);
            assertThat(summary.path("samples").asLong()).isEqualTo(3);
            assertThat(summary.path("status").asText()).isEqualTo("completed");

            JsonNode runs = JSON.readTree(run("runs", "--project", p).stdout());
            assertThat(runs.get(0).path("mode").asText()).isEqualTo("judge");
            assertThat(runs.get(0).path("judged").asLong()).isEqualTo(1);
            assertThat(runs.get(1).path("judged").isNull()).isTrue();

            JarProcess.Result notAJudge = run(
                    "run",
                    "--project",
                    p,
                    "--prompt",
                    "intent",
                    "--backend",
                    backend,
                    "--dataset",
                    "q",
                    "--judge",
                    "1");
            assertThat(notAJudge.exitCode()).isNotZero();
            assertThat(notAJudge.stderr()).contains("--judge takes a judge prompt; 'intent' v1 is in annotate mode.");
            JarProcess.Result noRun = run("run", "--project", p, "--prompt", "faithful", "--backend", backend);
            assertThat(noRun.exitCode()).isNotZero();
            assertThat(noRun.stderr()).contains("Prompt 'faithful' judges: choose the run whose samples it scores.");
        }

        try (Project open = new H2ProjectOpener().open(project)) {
            Map<Long, Double> verdicts = open.samples().list(2, 0, 10).stream()
                    .collect(Collectors.toMap(s -> s.slot().judgedSampleId(), Sample::confidence));
            Map<Long, String> texts = open.samples().list(1, 0, 10).stream()
                    .collect(Collectors.toMap(
                            Sample::id, s -> s.slot().messages().get(0).content()));
            assertThat(verdicts).hasSize(3).allSatisfy((id, score) -> assertThat(score)
                    .as(texts.get(id))
                    .isEqualTo(texts.get(id).contains("card") ? 1.0 : 0.0));
            assertThat(open.runs().list()).hasSize(2);
        }
    }

    private JarProcess.Result run(String... args) throws Exception {
        return JarProcess.run(dir, 120, args);
    }

    private static void ok(JarProcess.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }
}
