package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline whose first step stops for review, and whose second continues only the questions that pass the
 * curation filters and were not rejected, one per topic: the researcher's review between the steps decides what
 * the answer step reads.
 */
class ReviewedPipelineCommandTest {

    @TempDir
    Path dir;

    private final AtomicInteger questions = new AtomicInteger();
    private LoopbackServer server;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new InProcessCli(dir, dir.resolve("p"));
        // Questions about cards all come out the same, so the duplicate filter flags all but the first.
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always((s, ex, request) -> {
            String asked = LoopbackServer.lastUserMessage(request);
            String text = !asked.startsWith("Topic: ")
                    ? "answer to " + asked
                    : asked.equals("Topic: cards")
                            ? "Where is my card?"
                            : "Q" + questions.incrementAndGet() + ": what about " + asked.substring(7) + "?";
            LoopbackServer.answer(InProcessCli.textAnswer(text)).send(s, ex, request);
        });
        cli.addExamples("question-writer.prompt.json", "answerer.prompt.json");
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void theAnswerStepWaitsForReviewThenTakesOnePassingQuestionPerTopic() throws Exception {
        assertThat(
                        add(
                                """
                {"name": "reviewed-qa", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none", "stopForReview": true},
                  {"name": "answer", "prompt": "answerer", "input": "step:question",
                   "select": "passing-filters", "onePerCell": true}]}
                """))
                .as(cli::err)
                .isZero();

        assertThat(cli.run(
                        "run",
                        "--pipeline",
                        "reviewed-qa",
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--samples",
                        "6",
                        "--concurrency",
                        "1"))
                .as("stopping for review is no failure: " + cli.err())
                .isZero();
        JsonNode stopped = cli.printed();
        assertThat(stopped.path("status").asText()).isEqualTo("waiting for review");
        assertThat(stopped.path("steps")).hasSize(1);
        long questionRun = stopped.path("steps").get(0).path("run").asLong();
        assertThat(cli.err())
                .contains("Step 'question' is done and waits for review: review run " + questionRun)
                .contains("--resume " + questionRun);
        assertThat(server.chatRequests())
                .as("no answer is asked for before the review")
                .isEqualTo(6);

        // The review: the first question about fees is rejected.
        List<Sample> asked;
        try (Project p = new H2ProjectOpener().open(dir.resolve("p"))) {
            asked = p.samples().list(questionRun, 0, 100);
        }
        Sample firstFees = asked.stream()
                .filter(q -> q.conditions().get("topic").equals("fees"))
                .findFirst()
                .orElseThrow();
        assertThat(cli.run("decide", "reject", "--sample", String.valueOf(firstFees.id())))
                .as(cli::err)
                .isZero();

        assertThat(cli.run("run", "--resume", String.valueOf(questionRun)))
                .as(cli::err)
                .isZero();
        JsonNode done = cli.printed();
        assertThat(done.path("status").asText()).isEqualTo("completed");
        long answerRun = done.path("steps").get(1).path("run").asLong();
        assertThat(done.path("steps").get(1).path("samples").asInt()).isEqualTo(3);

        try (Project p = new H2ProjectOpener().open(dir.resolve("p"))) {
            List<Long> parents = p.samples().list(answerRun, 0, 100).stream()
                    .map(a -> a.slot().parentSampleId())
                    .sorted()
                    .toList();
            List<Long> expected = List.of(
                    firstOf(asked, "cards", 0), // the later card question is a duplicate of it
                    firstOf(asked, "fees", 1), // the first was rejected
                    firstOf(asked, "loans", 0));
            assertThat(parents)
                    .as("one question per topic, passing the filters, not rejected")
                    .containsExactlyElementsOf(expected.stream().sorted().toList());
        }
    }

    @Test
    void aStopForReviewOnTheLastStepOrOnePerCellWithoutAnEarlierStepIsRefusedAndNothingIsStored() throws Exception {
        assertThat(
                        add(
                                """
                {"name": "odd", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none", "onePerCell": true},
                  {"name": "answer", "prompt": "answerer", "input": "step:question", "stopForReview": true}]}
                """))
                .isNotZero();
        assertThat(cli.err())
                .contains("steps[0].onePerCell: only a step that reads an earlier step (input \"step:NAME\") takes one"
                        + " of its samples per condition cell")
                .contains("steps[1].stopForReview: the last step has no later step to wait for");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }

    private int add(String pipeline) throws Exception {
        Path file = dir.resolve("pipeline.json");
        Files.writeString(file, pipeline);
        return cli.run("pipeline", "add", "--file", file.toString());
    }

    /** The id of the {@code nth} question (from 0, in id order) about {@code topic}. */
    private static long firstOf(List<Sample> asked, String topic, int nth) {
        return asked.stream()
                .filter(q -> q.conditions().get("topic").equals(topic))
                .map(Sample::id)
                .sorted()
                .toList()
                .get(nth);
    }
}
