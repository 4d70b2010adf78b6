package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.cli.Banking77Subset.Row;
import io.siftbench.app.insights.StoryPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doubts --run} and {@code evaluate --run} in-process on annotate runs made with {@code run} against a
 * loopback OpenAI-compatible server: 160 banking77 questions of 8 intents, annotated once by a model that answers
 * half of them wrong and once by one that answers 2% wrong, scored on 200 test questions.
 */
class StudentOnRunsTest {

    @TempDir
    Path dir;

    @Test
    void doubtsTheWrongAnswersAndFindsTheBetterRunByItsStudent() throws Exception {
        Banking77Subset b77 = Banking77Subset.of(8, 20, 25);
        Path project = dir.resolve("runs.mv.db");
        try (InProcessCli cli = new InProcessCli(dir, project);
                LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            assertThat(cli.run(
                            "import",
                            "--file",
                            Banking77Subset.write(dir.resolve("questions.csv"), b77.train())
                                    .toString()))
                    .as(cli::err)
                    .isZero();
            assertThat(cli.run(
                            "import",
                            "--file",
                            Banking77Subset.write(dir.resolve("test.csv"), b77.test())
                                    .toString()))
                    .as(cli::err)
                    .isZero();
            Path prompt = Files.writeString(dir.resolve("intent.json"), intentPrompt(b77.labels()));
            assertThat(cli.run("prompt", "add", "--file", prompt.toString()))
                    .as(cli::err)
                    .isZero();

            Map<String, String> careless = answers(b77, 0.5, 1);
            long first = annotate(cli, server, careless);
            long second = annotate(cli, server, answers(b77, 0.02, 2));

            assertThat(cli.run("doubts", "--run", String.valueOf(first)))
                    .as(cli::err)
                    .isZero();
            JsonNode doubts = cli.printed();
            assertThat(doubts.path("judged").path("run").asLong()).isEqualTo(first);
            assertThat(doubts.path("judged").path("samples").asText()).isEqualTo("samples not rejected");
            assertThat(doubts.path("summary").path("judged").asInt()).isEqualTo(160);
            Map<String, String> gold = new HashMap<>();
            b77.train().forEach(r -> gold.put(r.text(), r.category()));
            long wrong = careless.entrySet().stream()
                    .filter(e -> !e.getValue().equals(gold.get(e.getKey())))
                    .count();
            int flaggedWrong = 0;
            int rightSuggestion = 0;
            for (JsonNode flag : doubts.path("doubts")) {
                String text = flag.path("text").asText();
                assertThat(flag.path("label").asText()).isEqualTo(careless.get(text));
                if (!careless.get(text).equals(gold.get(text))) {
                    flaggedWrong++;
                    rightSuggestion += flag.path("suggested").asText().equals(gold.get(text)) ? 1 : 0;
                }
            }
            int flags = doubts.path("doubts").size();
            System.out.printf(
                    "doubts of an annotate run with %d of 160 answers wrong: %d flags, %d of them wrong answers, %d with"
                            + " the gold label suggested%n",
                    wrong, flags, flaggedWrong, rightSuggestion);
            assertThat(flaggedWrong).as("recall").isGreaterThanOrEqualTo((int) (0.85 * wrong));
            assertThat(flaggedWrong).as("precision").isGreaterThanOrEqualTo((int) (0.8 * flags));
            // Measured: 82 flags, 79 of them wrong answers (of 80), the gold label suggested for 71.
            assertThat(rightSuggestion).isGreaterThanOrEqualTo((int) (0.75 * flaggedWrong));

            // Asked again with nothing changed: read from the project, no student trained.
            assertThat(cli.run("doubts", "--run", String.valueOf(first)))
                    .as(cli::err)
                    .isZero();
            assertThat(cli.printed()).isEqualTo(doubts);
            assertThat(cli.err()).doesNotContain("training");

            // Nothing reviewed yet: the curated set is empty, and the command says what to do.
            assertThat(cli.run("evaluate", "--run", String.valueOf(first), "--test", "test"))
                    .isEqualTo(2);
            assertThat(cli.err())
                    .startsWith("siftbench: Run " + first + " has no accepted or edited samples")
                    .contains("--all-valid");

            assertThat(cli.run("evaluate", "--run", String.valueOf(first), "--test", "test", "--all-valid"))
                    .as(cli::err)
                    .isZero();
            JsonNode report = cli.printed();
            assertThat(report.path("training").path("count").asInt()).isEqualTo(160);
            assertThat(report.path("report").path("fewShotPerLabel").asInt()).isEqualTo(8);
            assertThat(report.path("report").path("fewShotFromTest").asBoolean())
                    .isTrue();
            assertThat(report.path("report").path("student").path("items").asInt())
                    .isEqualTo(200 - 8 * 8);

            assertThat(cli.run(
                            "evaluate",
                            "--run",
                            String.valueOf(first),
                            "--run",
                            String.valueOf(second),
                            "--test",
                            "test",
                            "--all-valid"))
                    .as(cli::err)
                    .isZero();
            JsonNode compared = cli.printed();
            JsonNode paired = compared.path("paired");
            System.out.println(
                    "evaluate of the two runs: " + compared.path("verdict").asText());
            assertThat(compared.path("a").path("training").path("run").asLong()).isEqualTo(first);
            assertThat(compared.path("b").path("evaluation").path("items").asInt())
                    .isEqualTo(200);
            assertThat(paired.path("accuracyB").asDouble())
                    .isEqualTo(compared.path("b")
                            .path("evaluation")
                            .path("accuracy")
                            .path("value")
                            .asDouble())
                    .isGreaterThan(paired.path("accuracyA").asDouble());
            assertThat(paired.path("pValue").asDouble()).isLessThan(0.05);
            assertThat(compared.path("verdict").asText()).startsWith("run " + second + " is better than run " + first);
        }
    }

    @Test
    void aSynthesizeRunWithoutLabelsIsToldWhichConditionToLearn() throws Exception {
        Path project = dir.resolve("stories.mv.db");
        try (InProcessCli cli = new InProcessCli(dir, project);
                LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            Path prompt = Files.writeString(dir.resolve("story.json"), StoryPrompt.twoMoods());
            assertThat(cli.run("prompt", "add", "--file", prompt.toString()))
                    .as(cli::err)
                    .isZero();
            server.always(LoopbackServer.answering(
                    request -> InProcessCli.textAnswer(LoopbackServer.lastUserMessage(request))));
            assertThat(cli.run(
                            "run",
                            "--prompt",
                            "story",
                            "--backend",
                            "openai:" + server.url(),
                            "--model",
                            "tiny",
                            "--samples",
                            "12"))
                    .as(cli::err)
                    .isZero();
            long run = cli.printed().path("run").asLong();

            assertThat(cli.run("doubts", "--run", String.valueOf(run))).isEqualTo(2);
            assertThat(cli.err())
                    .startsWith("siftbench: The samples of run " + run + " carry no label; name the condition or output"
                            + " field that holds it with --label-from, e.g. --label-from topic. Its conditions and"
                            + " fields are: mood, text, topic.");
            assertThat(cli.run("doubts", "--run", String.valueOf(run), "--label-from", "tone"))
                    .isEqualTo(2);
            assertThat(cli.err())
                    .startsWith("siftbench: No sample of run " + run + " has a field or condition \"tone\".");

            assertThat(cli.run("doubts", "--run", String.valueOf(run), "--label-from", "mood"))
                    .as(cli::err)
                    .isZero();
            JsonNode doubts = cli.printed();
            assertThat(doubts.path("judged").path("labelFrom").asText()).isEqualTo("mood");
            assertThat(doubts.path("summary").path("judged").asInt()).isEqualTo(12);
            // Each story names its mood: no label is in doubt.
            assertThat(doubts.path("doubts")).isEmpty();
        }
    }

    /** Annotates the questions with a model that answers {@code answers} of each; returns the run's id. */
    private static long annotate(InProcessCli cli, LoopbackServer server, Map<String, String> answers)
            throws Exception {
        server.always(LoopbackServer.answering(request -> {
            String question = LoopbackServer.lastUserMessage(request)
                    .replaceFirst("(?s).*Q: ", "")
                    .replaceFirst("\\nA:$", "");
            return "{\"label\": \"" + answers.get(question) + "\"}";
        }));
        assertThat(cli.run(
                        "run",
                        "--prompt",
                        "intent",
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--dataset",
                        "questions",
                        "--concurrency",
                        "8"))
                .as(cli::err)
                .isZero();
        JsonNode summary = cli.printed();
        assertThat(summary.path("samples").asInt()).isEqualTo(160);
        return summary.path("run").asLong();
    }

    /** Each question's answer: its gold label, except for a seeded random {@code wrong} fraction. */
    private static Map<String, String> answers(Banking77Subset b77, double wrong, long seed) {
        List<Integer> changed = new ArrayList<>();
        List<Row> answered = b77.withLabelsChanged(b77.train(), wrong, seed, changed);
        Map<String, String> answers = new HashMap<>();
        answered.forEach(r -> answers.put(r.text(), r.category()));
        return answers;
    }

    private static String intentPrompt(List<String> labels) {
        return """
                {"name": "intent", "mode": "annotate",
                 "task": {"role": "You label banking questions.", "labels": %s, "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}", "user": "Q: {{text}}\\nA:"}}
                """
                .formatted(labels.stream()
                        .map(l -> "{\"name\": \"" + l + "\"}")
                        .collect(Collectors.joining(",", "[", "]")));
    }
}
