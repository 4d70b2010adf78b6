package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialogue pipeline shipped in docs/examples, run through the command line in-process on a real project file,
 * against a loopback server speaking the OpenAI protocol through the real langchain4j client: the customer and the
 * assistant take turns, each turn seeing the conversation so far; a conversation whose customer says GOODBYE ends
 * there; the chat export writes each conversation once, turn by turn, bounded by its turns when asked, and
 * Review's turn filter flags a conversation of too few turns; and a
 * dialogue that could never end, or misses a prompt, is refused when saved, nothing stored.
 */
class DialoguePipelineCommandTest {

    @TempDir
    Path dir;

    private LoopbackServer server;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new InProcessCli(dir, dir.resolve("p"));
        // The question writer is asked "Topic: T"; the customer "Your question: Q\n<turns>user:", the assistant
        // "<turns>assistant:", each turn a line "role: text". The customer with a question about fees is content
        // after one answer and says GOODBYE; the others ask once more.
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answering(request -> {
            String asked = LoopbackServer.lastUserMessage(request);
            if (asked.startsWith("Topic: ")) {
                return InProcessCli.textAnswer("question about " + asked.substring(7));
            }
            List<String> lines = List.of(asked.split("\n"));
            List<String> turns = lines.stream()
                    .filter(l -> l.startsWith("user: ") || l.startsWith("assistant: "))
                    .toList();
            if (asked.startsWith("Your question: ")) {
                String question = lines.get(0).substring("Your question: ".length());
                if (turns.isEmpty()) {
                    return InProcessCli.textAnswer("Hi, " + question);
                }
                return InProcessCli.textAnswer(
                        question.contains("fees") ? "Thanks, GOODBYE" : "One more thing on " + question);
            }
            String last = turns.get(turns.size() - 1);
            return InProcessCli.textAnswer(
                    "Reply " + (turns.size() + 1) + " to: " + last.substring(last.indexOf(": ") + 2));
        }));
        for (String prompt : List.of("question-writer", "customer", "agent")) {
            assertThat(cli.addExample(prompt + ".prompt.json")).as(cli::err).isZero();
        }
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void theExampleTakesTurnsUntilGoodbyeOrFourTurnsAndTheChatExportWritesEachConversationTurnByTurn()
            throws Exception {
        assertThat(cli.addExample("dialogue.pipeline.json")).as(cli::err).isZero();
        assertThat(cli.printed().path("steps"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "question: question-writer@1 ← none",
                        "chat: dialogue customer@1 / agent@1, up to 4 turns or until 'GOODBYE' ← step:question");

        JsonNode steps = run("dialogue");
        assertThat(steps)
                .extracting(
                        s -> s.path("name").asText() + " " + s.path("samples").asInt())
                .as("the conversation about fees ends at its third turn, with the customer's GOODBYE")
                .containsExactly(
                        "question 3",
                        "chat turn 1 (user) 3",
                        "chat turn 2 (assistant) 3",
                        "chat turn 3 (user) 3",
                        "chat turn 4 (assistant) 2");
        assertThat(cli.printed().path("status").asText()).isEqualTo("completed");
        assertThat(server.chatRequests()).isEqualTo(14);
        assertThat(server.bodies())
                .extracting(LoopbackServer::lastUserMessage)
                .as("the last turn sees the whole conversation so far, and the question of step 1")
                .contains("user: Hi, question about cards\n"
                        + "assistant: Reply 2 to: Hi, question about cards\n"
                        + "user: One more thing on question about cards\n"
                        + "assistant:")
                .contains("Your question: question about loans\nuser:");

        List<String> turnRuns = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            turnRuns.add(steps.get(i).path("run").asText());
        }
        assertThat(export(turnRuns, "chat.jsonl"))
                .as("each conversation once, its turns in order; the turns a later turn continued are no"
                        + " conversation of their own")
                .containsExactly(
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi, question about fees\"},"
                                + "{\"role\":\"assistant\",\"content\":\"Reply 2 to: Hi, question about fees\"},"
                                + "{\"role\":\"user\",\"content\":\"Thanks, GOODBYE\"}]}",
                        conversation("cards"),
                        conversation("loans"));
        assertThat(cli.printed().path("leftOut").path("filter").asInt())
                .as("three turns in each of the first two turn runs, two in the third")
                .isEqualTo(8);

        assertThat(export(turnRuns, "long.jsonl", "--min-turns", "4"))
                .containsExactly(conversation("cards"), conversation("loans"));
        try (Project p = new H2ProjectOpener().open(dir.resolve("p"))) {
            RunCuration review = new RunCuration(
                    p.runSources(), p.decisions(), CurationSettings.defaults().withTurns(4, null));
            assertThat(review.report(Long.parseLong(turnRuns.get(2))).flags())
                    .as("Review's turn filter flags the conversation that ended at the third turn, not the lines"
                            + " the fourth turn went on from")
                    .filteredOn(f -> f.kind() == FlagKind.TURN_COUNT)
                    .extracting(f -> f.kind() + ": " + f.reason() + ": "
                            + p.samples().find(f.sampleId()).orElseThrow().text())
                    .containsExactly("TURN_COUNT: 3 turns, fewer than the minimum 4: Thanks, GOODBYE");
            assertThat(review.report(Long.parseLong(turnRuns.get(3))).flags())
                    .noneMatch(f -> f.kind() == FlagKind.TURN_COUNT);
        }
        assertThat(export(turnRuns, "short.jsonl", "--max-turns", "3"))
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("Thanks, GOODBYE"));
    }

    @Test
    void aDialogueWithOnlyAStopPhraseGoesOnUntilEveryConversationHasEndedAndAResumeSendsNothing() throws Exception {
        Path file = Files.writeString(
                dir.resolve("open.pipeline.json"),
                """
                {"name": "open-ended", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "chat", "dialogue": {"user": "customer", "assistant": "agent", "stop": "GOODBYE"},
                   "input": "step:question"}
                ]}
                """);
        assertThat(cli.run("pipeline", "add", "--file", file.toString()))
                .as(cli::err)
                .isZero();
        server.close();
        // Every customer says GOODBYE at the third turn here.
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answering(request -> {
            String asked = LoopbackServer.lastUserMessage(request);
            if (asked.startsWith("Topic: ")) {
                return InProcessCli.textAnswer("question about " + asked.substring(7));
            }
            return InProcessCli.textAnswer(asked.contains("assistant: ") ? "GOODBYE then" : "a line");
        }));

        JsonNode steps = run("open-ended");

        assertThat(steps)
                .extracting(
                        s -> s.path("name").asText() + " " + s.path("samples").asInt())
                .as("no fourth turn is made: every conversation ended at the third")
                .containsExactly(
                        "question 3", "chat turn 1 (user) 3", "chat turn 2 (assistant) 3", "chat turn 3 (user) 3");
        assertThat(cli.printed().path("status").asText()).isEqualTo("completed");
        assertThat(server.chatRequests()).isEqualTo(12);

        assertThat(cli.run("run", "--resume", steps.get(3).path("run").asText()))
                .as(cli::err)
                .isZero();
        assertThat(cli.printed().path("steps")).hasSize(4);
        assertThat(server.chatRequests()).as("nothing was missing").isEqualTo(12);
    }

    @Test
    void aDialogueThatCouldNeverEndOrMissesAPromptIsRefusedNamingTheStepAndNothingIsStored() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.pipeline.json"),
                """
                {"name": "bad", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "endless", "dialogue": {"user": "customer", "assistant": "agent"}, "input": "step:question"},
                  {"name": "none", "dialogue": {"user": "customer", "assistant": "agent", "turns": 0},
                   "input": "step:question"},
                  {"name": "mute", "dialogue": {"user": "customer", "turns": 2}, "input": "step:question"}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();

        assertThat(cli.err())
                .contains("steps[1].dialogue: dialogue 'endless' has no stop phrase and no turn limit, so nothing"
                        + " ends a conversation; give \"turns\" (1 to 40), \"stop\", or both")
                .contains("steps[2].dialogue.turns: dialogue 'none' has 1 to 40 turns; got 0")
                .contains("steps[3].dialogue.assistant: name the prompt that writes the assistant's turns as NAME"
                        + " or NAME@V");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();

        Path unknown = Files.writeString(
                dir.resolve("unknown.pipeline.json"),
                """
                {"name": "unknown", "steps": [
                  {"name": "chat", "dialogue": {"user": "customer", "assistant": "clerk", "turns": 2}, "input": "none"}
                ]}
                """);
        assertThat(cli.run("pipeline", "add", "--file", unknown.toString())).isNotZero();
        assertThat(cli.err())
                .contains("steps[0] (chat).dialogue.assistant: there is no prompt 'clerk' in this project")
                .contains("steps[0] (chat): prompt 'customer@1' uses {{steps.question.text}}, but 'question' is no"
                        + " earlier step of its chain (the step reads no earlier step)");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }

    /** Runs pipeline {@code name} on the loopback server, three questions; the steps it printed. */
    private JsonNode run(String name) throws Exception {
        assertThat(cli.run(
                        "run",
                        "--pipeline",
                        name,
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--samples",
                        "3",
                        "--concurrency",
                        "2"))
                .as(cli::err)
                .isZero();
        return cli.printed().path("steps");
    }

    /** Exports every sample of {@code runs} in the chat format to {@code name}; its lines. */
    private List<String> export(List<String> runs, String name, String... more) throws Exception {
        Path out = dir.resolve("out").resolve(name);
        List<String> args = new ArrayList<>(List.of("export", "--format", "chat", "--status", "all"));
        runs.forEach(r -> args.addAll(List.of("--run", r)));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        assertThat(cli.run(args.toArray(String[]::new))).as(cli::err).isZero();
        return Files.readAllLines(out);
    }

    /** The four turns of the conversation on {@code topic}, as the chat export writes them. */
    private static String conversation(String topic) {
        String question = "question about " + topic;
        return Stream.of(
                        "{\"role\":\"user\",\"content\":\"Hi, " + question + "\"}",
                        "{\"role\":\"assistant\",\"content\":\"Reply 2 to: Hi, " + question + "\"}",
                        "{\"role\":\"user\",\"content\":\"One more thing on " + question + "\"}",
                        "{\"role\":\"assistant\",\"content\":\"Reply 4 to: One more thing on " + question + "\"}")
                .reduce((a, b) -> a + "," + b)
                .map(m -> "{\"messages\":[" + m + "]}")
                .orElseThrow();
    }
}
