package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.insights.StoryPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code siftbench metrics} with the real jar on a project made entirely through the command line: a prompt
 * added, a synthesize run against a loopback OpenAI-compatible server, decisions, then the metrics.
 */
class MetricsCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsEveryMetricOfARunForAllAndForAcceptedSamples() throws Exception {
        Path project = dir.resolve("metrics.mv.db");
        Path prompt = dir.resolve("story.json");
        Files.writeString(prompt, StoryPrompt.twoMoodsAndOneOff());
        run("prompt", "add", "--project", project.toString(), "--file", prompt.toString());
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            server.always(LoopbackServer.answering(request -> "{\"text\": \""
                    + request.path("messages").get(1).path("content").asText() + " The end.\"}"));
            run(
                    "run",
                    "--project",
                    project.toString(),
                    "--prompt",
                    "story",
                    "--backend",
                    "openai:" + server.url(),
                    "--model",
                    "tiny",
                    "--samples",
                    "8",
                    "--seed",
                    "7");
        }
        List<Long> ids = new ArrayList<>();
        JsonNode samples =
                JSON.readTree(run("runs", "--project", project.toString()).stdout());
        assertThat(samples.get(0).path("samples").asLong()).isEqualTo(8);
        for (long id = 1; id <= 3; id++) {
            run("decide", "--project", project.toString(), "--sample", String.valueOf(id), "accept");
            ids.add(id);
        }

        JarProcess.Result first = run("metrics", "--project", project.toString(), "--run", "1");
        JsonNode all = JSON.readTree(first.stdout());
        assertThat(first.stderr()).contains("metrics of run 1: self-BLEU");
        assertThat(all.path("cached").asBoolean()).isFalse();
        JsonNode metrics = all.path("metrics");
        assertThat(metrics.path("samples").asInt()).isEqualTo(8);
        // Each text is "A story about T in a M mood. The end.": 10 tokens, 80 in all; the different tokens are
        // a, story, about, in, mood, the, end and the two topics and two moods: 11.
        assertThat(metrics.path("lexical").path("tokens").asLong()).isEqualTo(80);
        assertThat(metrics.path("lexical").path("vocabularySize").asInt()).isEqualTo(11);
        assertThat(metrics.path("lexical").path("distinct").get(0).path("value").asDouble())
                .isCloseTo(11 / 80.0, within(1e-9));
        assertThat(metrics.path("selfBleu").path("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.path("lengths").path("words").path("mean").asDouble())
                .isEqualTo(10.0);
        // Plan "all" over 2 topics x 2 switched-on moods, 8 samples: every combination twice; the switched-off
        // mood is declared, so its cells show, empty.
        JsonNode grid = metrics.path("coverage").get(0);
        assertThat(grid.path("conditionA").asText()).isEqualTo("topic");
        assertThat(grid.path("valuesB")).extracting(JsonNode::asText).containsExactly("sad", "happy", "odd");
        for (JsonNode cell : grid.path("cells")) {
            assertThat(cell.path("samples").asLong())
                    .as(cell.toString())
                    .isEqualTo(cell.path("valueB").asText().equals("odd") ? 0 : 2);
        }
        assertThat(metrics.path("similarity").path("mean").asDouble()).isBetween(0.5, 1.0);
        assertThat(metrics.path("embeddingMap").path("points")).hasSize(8);
        assertThat(metrics.path("gold").isNull()).isTrue();
        assertThat(all.path("judge").isNull()).as("no judge run").isTrue();

        JsonNode again = JSON.readTree(
                run("metrics", "--project", project.toString(), "--run", "1").stdout());
        assertThat(again.path("cached").asBoolean()).isTrue();
        assertThat(again.path("metrics")).isEqualTo(metrics);

        JsonNode accepted =
                JSON.readTree(run("metrics", "--project", project.toString(), "--run", "1", "--status", "accepted")
                        .stdout());
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("metrics").path("samples").asInt()).isEqualTo(ids.size());

        // One condition value over every run of the prompt version: the 4 sad stories, each "A story about T in
        // a sad mood. The end.", so "happy" is not among the 10 different tokens.
        JsonNode sad = JSON.readTree(
                run("metrics", "--project", project.toString(), "--prompt", "story", "--condition", "mood=sad")
                        .stdout());
        assertThat(sad.path("slice").asText()).isEqualTo("prompt story@1 runs 1; condition mood=sad");
        assertThat(sad.path("metrics").path("samples").asInt()).isEqualTo(4);
        assertThat(sad.path("metrics").path("lexical").path("vocabularySize").asInt())
                .isEqualTo(10);
        JarProcess.Result noSuchCondition = JarProcess.run(
                dir, 60, "metrics", "--project", project.toString(), "--run", "1", "--condition", "tone=sad");
        assertThat(noSuchCondition.exitCode()).isNotZero();
        assertThat(noSuchCondition.stderr().lines().findFirst())
                .contains("siftbench: The prompt has no condition 'tone'; it has topic, mood.");
        JarProcess.Result noSuchValue = JarProcess.run(
                dir, 60, "metrics", "--project", project.toString(), "--run", "1", "--condition", "mood=angry");
        assertThat(noSuchValue.exitCode()).isNotZero();
        assertThat(noSuchValue.stderr().lines().findFirst())
                .contains("siftbench: The prompt's condition 'mood' has no value 'angry'; it has sad, happy, odd.");
    }

    @Test
    void anUnknownRunOrStatusIsRefusedInOneLine() throws Exception {
        Path project = dir.resolve("empty.mv.db");
        JarProcess.Result noRun = JarProcess.run(dir, 60, "metrics", "--project", project.toString(), "--run", "5");
        assertThat(noRun.exitCode()).isNotZero();
        assertThat(noRun.stdout()).isEmpty();
        assertThat(noRun.stderr().strip()).isEqualTo("siftbench: There is no run 5 in " + project);

        JarProcess.Result badStatus =
                JarProcess.run(dir, 60, "metrics", "--project", project.toString(), "--run", "1", "--status", "kept");
        assertThat(badStatus.exitCode()).isNotZero();
        assertThat(badStatus.stderr()).contains("'kept' is not one of accepted, rejected, all");
    }

    private JarProcess.Result run(String... args) throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 120, args);
        assertThat(result.exitCode())
                .as(String.join(" ", args) + ": " + result.stderr())
                .isZero();
        return result;
    }
}
