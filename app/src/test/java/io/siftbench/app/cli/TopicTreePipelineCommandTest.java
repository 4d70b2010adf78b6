package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic-tree pipeline shipped in docs/examples, run through the command line in-process on a real project file,
 * against a loopback server speaking the OpenAI protocol through the real langchain4j client: the root is expanded
 * into three subtopics, each of those into two, the pipeline run waits for the researcher, who prunes and adds
 * topics and approves, and the question step then asks about exactly the leaves left, two questions each.
 */
class TopicTreePipelineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "personal banking";

    @TempDir
    Path dir;

    /** How many of the next second-level requests (the subtopics of a subtopic) are refused. */
    private final AtomicInteger refuseLevel2 = new AtomicInteger();

    private LoopbackServer server;
    private Path project;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.resolve("p");
        cli = new InProcessCli(dir, project);
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always((s, ex, request) -> {
            String asked = LoopbackServer.lastUserMessage(request);
            String answer;
            if (asked.startsWith("Subtopics of: ")) {
                String topic = asked.substring("Subtopics of: ".length());
                if (!topic.equals(ROOT) && refuseLevel2.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    LoopbackServer.status(400).send(s, ex, request);
                    return;
                }
                List<String> subtopics = topic.equals(ROOT)
                        ? List.of("cards", "loans", "savings")
                        : List.of(topic + " fees", topic + " limits");
                answer = JSON.writeValueAsString(Map.of("subtopics", subtopics));
            } else {
                answer = InProcessCli.textAnswer("What about " + asked.substring("Question about: ".length()) + "?");
            }
            LoopbackServer.answer(answer).send(s, ex, request);
        });
        cli.addExamples("subtopic-writer.prompt.json", "topic-question-writer.prompt.json", "topic-tree.pipeline.json");
        assertThat(cli.printed().path("steps"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "topics: subtopic-writer@1 ← none, grows a tree from 'personal banking' to depth 2",
                        "question: topic-question-writer@1 ← none, 2 per leaf of topics as topic");
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void theTreeGrowsLevelByLevelWaitsForReviewAndTheQuestionsTakeTheLeavesAsEdited() throws Exception {
        assertThat(runPipeline()).as(cli::err).isZero();

        JsonNode waiting = cli.printed();
        assertThat(waiting.path("status").asText()).isEqualTo("waiting for review");
        assertThat(waiting.path("steps")).as("no question step yet").hasSize(1);
        long level2 = waiting.path("steps").get(0).path("run").asLong();
        assertThat(cli.err()).contains("waits for the researcher's review of the topic tree of step 'topics'");
        assertThat(server.chatRequests())
                .as("the root, then its three subtopics")
                .isEqualTo(4);

        assertThat(cli.run("pipeline", "tree", "--run", String.valueOf(level2)))
                .as(cli::err)
                .isZero();
        JsonNode tree = cli.printed();
        assertThat(tree.path("levels"))
                .extracting(l -> l.path("topics").asInt())
                .containsExactly(1, 3);
        assertThat(leaves(tree))
                .containsExactly(
                        "personal banking/cards/cards fees",
                        "personal banking/cards/cards limits",
                        "personal banking/loans/loans fees",
                        "personal banking/loans/loans limits",
                        "personal banking/savings/savings fees",
                        "personal banking/savings/savings limits");
        assertThat(tree.path("approved").asBoolean()).isFalse();
        assertThat(cli.run("runs")).isZero();
        assertThat(cli.printed().get(0).path("settings").asText())
                .as("the Runs screen's line for level 2")
                .startsWith("3 topics");
        assertThat(cli.printed().get(0).path("round").asInt()).isEqualTo(2);

        assertThat(cli.run("pipeline", "tree", "--run", String.valueOf(level2), "--prune", "personal banking/loans"))
                .as(cli::err)
                .isZero();
        assertThat(cli.run(
                        "pipeline",
                        "tree",
                        "--run",
                        String.valueOf(level2),
                        "--add",
                        "personal banking/cards=cards abroad"))
                .as(cli::err)
                .isZero();
        assertThat(leaves(cli.printed()))
                .containsExactly(
                        "personal banking/cards/cards fees",
                        "personal banking/cards/cards limits",
                        "personal banking/cards/cards abroad",
                        "personal banking/savings/savings fees",
                        "personal banking/savings/savings limits");

        assertThat(cli.run("run", "--resume", String.valueOf(level2)))
                .as(cli::err)
                .isZero();
        assertThat(cli.printed().path("status").asText())
                .as("not approved yet: it waits again, asking nothing")
                .isEqualTo("waiting for review");
        assertThat(server.chatRequests()).isEqualTo(4);

        assertThat(cli.run("pipeline", "tree", "--run", String.valueOf(level2), "--approve"))
                .isZero();
        assertThat(cli.run("run", "--resume", String.valueOf(level2)))
                .as(cli::err)
                .isZero();

        JsonNode done = cli.printed();
        assertThat(done.path("status").asText()).isEqualTo("completed");
        JsonNode questions = done.path("steps").get(1);
        assertThat(questions.path("samples").asInt())
                .as("five leaves, two each")
                .isEqualTo(10);
        assertThat(server.chatRequests()).isEqualTo(14);
        try (Project p = new H2ProjectOpener().open(project)) {
            List<Sample> asked = p.samples().list(questions.path("run").asLong(), 0, 100);
            assertThat(asked)
                    .extracting(Sample::text)
                    .containsOnly(
                            "What about cards fees?",
                            "What about cards limits?",
                            "What about cards abroad?",
                            "What about savings fees?",
                            "What about savings limits?")
                    .hasSize(10);
            assertThat(asked.stream().filter(s -> s.text().equals("What about cards abroad?")))
                    .hasSize(2)
                    .allSatisfy(s -> assertThat(s.conditions())
                            .containsEntry("topic", "cards abroad")
                            .containsEntry("path", "personal banking/cards/cards abroad"));
        }

        assertThat(cli.run("pipeline", "tree", "--run", String.valueOf(level2), "--prune", "personal banking/cards"))
                .isNotZero();
        assertThat(cli.err())
                .contains("Step 'question' (run " + questions.path("run").asLong()
                        + ") has taken the leaves of the tree already");
    }

    @Test
    void aLevelWithAFailedTopicResumesWithExactlyThatTopic() throws Exception {
        refuseLevel2.set(1);

        assertThat(runPipeline()).isEqualTo(1);

        JsonNode stopped = cli.printed();
        long level2 = stopped.path("steps").get(0).path("run").asLong();
        assertThat(stopped.path("steps").get(0).path("failures").asInt()).isEqualTo(1);
        assertThat(cli.err()).contains("--resume " + level2);
        assertThat(server.chatRequests()).isEqualTo(4);

        assertThat(cli.run("run", "--resume", String.valueOf(level2)))
                .as(cli::err)
                .isZero();

        assertThat(cli.printed().path("status").asText()).isEqualTo("waiting for review");
        assertThat(server.chatRequests()).as("the refused topic only").isEqualTo(5);
        assertThat(cli.run("pipeline", "tree", "--run", String.valueOf(level2))).isZero();
        JsonNode tree = cli.printed();
        assertThat(tree.path("levels"))
                .extracting(l -> l.path("run").asLong())
                .endsWith(level2)
                .hasSize(2);
        assertThat(leaves(tree)).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void anEditOfATopicTheTreeHasNotIsRefusedAndNothingIsStored() throws Exception {
        assertThat(runPipeline()).as(cli::err).isZero();
        String level2 = cli.printed().path("steps").get(0).path("run").asText();

        assertThat(cli.run("pipeline", "tree", "--run", level2, "--prune", "personal banking/pets"))
                .isNotZero();
        assertThat(cli.err()).contains("--prune: the tree has no topic 'personal banking/pets'");
        assertThat(cli.run("pipeline", "tree", "--run", level2, "--add", "personal banking=a/b"))
                .isNotZero();
        assertThat(cli.err()).contains("--add takes PATH=NAME, a topic's path and a new name without '/'");
        assertThat(cli.run("pipeline", "tree", "--run", level2, "--prune", ROOT))
                .isNotZero();

        assertThat(cli.run("pipeline", "tree", "--run", level2)).isZero();
        assertThat(leaves(cli.printed())).hasSize(6);
    }

    @Test
    void badTreeSettingsAreRefusedNamingTheStepAndNothingIsStored() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.pipeline.json"),
                """
                {"name": "tt", "steps": [
                  {"name": "topics", "prompt": "subtopic-writer", "input": "none", "tree": {"root": "x", "depth": 0}},
                  {"name": "q", "prompt": "topic-question-writer", "input": "none", "leaves": {"of": "nothing"}},
                  {"name": "t2", "prompt": "topic-question-writer", "input": "none", "tree": {"root": "y", "depth": 1}}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();
        assertThat(cli.err())
                .contains("steps[0].tree.depth: a tree has 1 to 6 levels of subtopics; got 0")
                .contains("steps[1].leaves.of: name an earlier step that grows a topic tree; 'nothing' is none");

        Path noArray = Files.writeString(
                dir.resolve("noarray.pipeline.json"),
                """
                {"name": "tt", "steps": [
                  {"name": "t2", "prompt": "topic-question-writer", "input": "none", "tree": {"root": "y", "depth": 1}}
                ]}
                """);
        assertThat(cli.run("pipeline", "add", "--file", noArray.toString())).isNotZero();
        assertThat(cli.err())
                .contains("steps[0] (t2).prompt: the tree reads the subtopics from the output field 'subtopics'");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).as("only the example").hasSize(1);
    }

    private static List<String> leaves(JsonNode shown) {
        List<String> out = new ArrayList<>();
        shown.path("leaves").forEach(l -> out.add(l.asText()));
        return out;
    }

    private int runPipeline() {
        return cli.run(
                "run",
                "--pipeline",
                "topic-tree",
                "--backend",
                "openai:" + server.url(),
                "--model",
                "tiny",
                "--concurrency",
                "2");
    }
}
