package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.review.ReviewSources;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-instruct pipeline shipped in docs/examples, run through the command line in-process on a real project
 * file, against a loopback server speaking the OpenAI protocol through the real langchain4j client. The server
 * writes a new instruction of words no other uses, except for the answers it is told to make near-duplicates of
 * the first pool member the request shows, which ROUGE-L must reject.
 */
class SelfInstructPipelineCommandTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final Pattern FIRST_DEMO = Pattern.compile("Task: (.*)\n");

    @TempDir
    Path dir;

    /** Answered requests, counted as they are answered: the n-th is a near-duplicate when {@link #copies} says. */
    private final AtomicInteger answered = new AtomicInteger();
    /** How many requests are refused once {@link #refuseAfter} have been answered. */
    private final AtomicInteger refuse = new AtomicInteger();

    private volatile int refuseAfter;

    private volatile IntPredicate copies = n -> n % 4 == 0;
    /** What a copy puts before the pool member it copies. */
    private volatile String copyPrefix = "Please ";

    private LoopbackServer server;
    private Path project;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.resolve("p");
        cli = new InProcessCli(dir, project);
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always((s, ex, request) -> {
            if (answered.get() >= refuseAfter && refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                LoopbackServer.status(400).send(s, ex, request);
                return;
            }
            String asked = LoopbackServer.lastUserMessage(request);
            int n = answered.incrementAndGet();
            Matcher demo = FIRST_DEMO.matcher(asked);
            String text = copies.test(n) && demo.find()
                    ? copyPrefix + demo.group(1)
                    // Words no other answer or seed has: ROUGE-L 0 against the whole pool.
                    : IntStream.rangeClosed(1, 6)
                            .mapToObj(k -> "q" + n + "x" + k)
                            .reduce((a, b) -> a + " " + b)
                            .orElseThrow();
            LoopbackServer.answer(InProcessCli.textAnswer(text)).send(s, ex, request);
        });
        assertThat(cli.run(
                        "import",
                        "--file",
                        EXAMPLES.resolve("seed-instructions.jsonl").toString(),
                        "--name",
                        "seeds"))
                .as(cli::err)
                .isZero();
        cli.addExamples("instruction-writer.prompt.json");
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void thePoolGrowsInRoundsUntilTheTargetAndNearDuplicatesAreRejected() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();
        assertThat(cli.printed().path("steps").get(0).asText())
                .isEqualTo("instruction: instruction-writer@1 ← none, bootstraps from dataset:instruction to 10");

        assertThat(runPipeline()).as(cli::err).isZero();

        JsonNode summary = cli.printed();
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        JsonNode rounds = summary.path("steps").get(0).path("rounds");
        // Every fourth answer copies a pool member: rounds of 4 accept 3 each, then 1 more reaches the 10.
        assertThat(rounds).hasSize(4);
        assertThat(rounds).extracting(r -> r.path("candidates").asInt()).containsExactly(4, 4, 4, 1);
        assertThat(rounds).extracting(r -> r.path("added").asInt()).containsExactly(3, 3, 3, 1);
        assertThat(rounds).extracting(r -> r.path("tooSimilar").asInt()).containsExactly(1, 1, 1, 0);
        assertThat(rounds).extracting(r -> r.path("pool").asInt()).containsExactly(7, 10, 13, 14);
        assertThat(server.chatRequests()).isEqualTo(13);
        JsonNode rejected = rounds.get(1).path("rejected").get(0);
        assertThat(rejected.path("reason").asText()).matches("too similar to pool \\(ROUGE-L 0\\.\\d\\d\\)");
        assertThat(cli.err()).contains("step 1 of 1 'instruction', round 4:");

        try (Project p = new H2ProjectOpener().open(project)) {
            Sample copy = p.samples().find(rejected.path("sample").asLong()).orElseThrow();
            assertThat(copy.text()).as("a rejected candidate stays stored").startsWith("Please ");

            // Review says, on the card of each of the round's samples, what became of it in the pool.
            ReviewViewModel review = new ReviewViewModel(
                    new SimpleObjectProperty<>(new ReviewSources(p.runSources(), p.decisions())),
                    new CurrentThreadTaskExecutor(),
                    () -> new SampleEmbedder(EmbeddingModels.miniLm()));
            review.runProperty()
                    .set(p.runs().find(rounds.get(1).path("run").asLong()).orElseThrow());
            List<String> verdicts = new ArrayList<>();
            for (int i = 0; i < review.items().size(); i++) {
                review.moveTo(i);
                verdicts.add(review.poolVerdictProperty().get());
            }
            assertThat(verdicts)
                    .hasSize(4)
                    .filteredOn(v -> v.startsWith("Pool: added to the pool"))
                    .hasSize(3);
            assertThat(verdicts)
                    .filteredOn(v -> v.startsWith("Pool: too similar to pool (ROUGE-L 0."))
                    .singleElement()
                    .asString()
                    .endsWith(copy.text().substring("Please ".length()));
        }
        // The pool grows: a later round's slots show instructions written in earlier rounds.
        List<String> lastRound = server.bodies().stream()
                .skip(12)
                .map(LoopbackServer::lastUserMessage)
                .toList();
        assertThat(lastRound).singleElement().satisfies(m -> assertThat(m).containsPattern("q\\d+x1"));

        assertThat(cli.run("runs")).isZero();
        List<JsonNode> listed = new ArrayList<>();
        cli.printed().forEach(listed::add);
        assertThat(listed).extracting(r -> r.path("round").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(listed).allSatisfy(r -> assertThat(r.path("step").asText()).isEqualTo("instruction"));
    }

    @Test
    void byEmbeddingAnExactCopyOfAPoolMemberIsRejectedAtCosineOne() throws Exception {
        copyPrefix = "";
        Path file = Files.writeString(
                dir.resolve("cosine.pipeline.json"),
                """
                {"name": "by-meaning", "steps": [
                  {"name": "instruction", "prompt": "instruction-writer", "input": "none",
                   "bootstrap": {"seeds": "dataset:instruction", "target": 10, "perRound": 4, "demonstrations": 3,
                                 "similarity": "embedding", "threshold": 0.99, "minShare": 0.25}}]}
                """);
        assertThat(cli.run("pipeline", "add", "--file", file.toString()))
                .as(cli::err)
                .isZero();

        assertThat(cli.run(
                        "run",
                        "--pipeline",
                        "by-meaning",
                        "--dataset",
                        "seeds",
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--concurrency",
                        "2"))
                .as(cli::err)
                .isZero();

        JsonNode rounds = cli.printed().path("steps").get(0).path("rounds");
        assertThat(rounds).extracting(r -> r.path("added").asInt()).containsExactly(3, 3, 3, 1);
        assertThat(rounds).extracting(r -> r.path("tooSimilar").asInt()).containsExactly(1, 1, 1, 0);
        assertThat(rounds.get(0).path("rejected").get(0).path("reason").asText())
                .isEqualTo("too similar to pool (cosine 1.00)");
    }

    @Test
    void aRoundThatAddsLessThanTheShareIsTheLast() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();
        copies = n -> n > 2;

        assertThat(runPipeline()).as(cli::err).isZero();

        JsonNode rounds = cli.printed().path("steps").get(0).path("rounds");
        assertThat(rounds).extracting(r -> r.path("added").asInt()).containsExactly(2, 0);
        assertThat(rounds).extracting(r -> r.path("tooSimilar").asInt()).containsExactly(2, 4);
        assertThat(server.chatRequests()).isEqualTo(8);
    }

    @Test
    void aResumeAfterAFailedRoundMakesExactlyWhatIsMissing() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();
        // The first two requests of round 2 are refused: the pipeline run stops at that round.
        assertThat(runPipelineRefusing(4, 2)).isEqualTo(1);

        JsonNode stopped = cli.printed();
        JsonNode rounds = stopped.path("steps").get(0).path("rounds");
        assertThat(rounds).hasSize(2);
        long secondRound = rounds.get(1).path("run").asLong();
        assertThat(stopped.path("steps").get(0).path("run").asLong()).isEqualTo(secondRound);
        assertThat(stopped.path("steps").get(0).path("failures").asInt()).isEqualTo(2);

        assertThat(cli.run("run", "--resume", String.valueOf(secondRound)))
                .as("a round's run resumes its pipeline run: " + cli.err())
                .isZero();

        rounds = cli.printed().path("steps").get(0).path("rounds");
        assertThat(rounds).extracting(r -> r.path("candidates").asInt()).containsExactly(4, 4, 4, 1);
        assertThat(rounds).extracting(r -> r.path("added").asInt()).containsExactly(3, 3, 3, 1);
        assertThat(server.chatRequests())
                .as("13 answered and the 2 refused, nothing asked twice")
                .isEqualTo(15);
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.runs().list()).hasSize(4);
            long stored = p.runs().list().stream()
                    .mapToLong(r -> p.samples().count(r.id()))
                    .sum();
            assertThat(stored).isEqualTo(13);
        }
    }

    @Test
    void theSeedsMayBeTheSamplesOfAnEarlierStep() throws Exception {
        Path file = Files.writeString(
                dir.resolve("grow.pipeline.json"),
                """
                {"name": "grow", "steps": [
                  {"name": "seed", "prompt": "instruction-writer", "input": "none"},
                  {"name": "grow", "prompt": "instruction-writer", "input": "none",
                   "bootstrap": {"seeds": "step:seed", "target": 4, "perRound": 4, "demonstrations": 2}}
                ]}
                """);
        assertThat(cli.run("pipeline", "add", "--file", file.toString()))
                .as(cli::err)
                .isZero();

        assertThat(cli.run(
                        "run",
                        "--pipeline",
                        "grow",
                        "--samples",
                        "3",
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny"))
                .as(cli::err)
                .isZero();

        JsonNode steps = cli.printed().path("steps");
        JsonNode rounds = steps.get(1).path("rounds");
        // Three seeds written by step 1; the 4th answer copies one of them, the 8th (round 2's one slot) another.
        assertThat(rounds).extracting(r -> r.path("candidates").asInt()).containsExactly(4, 1);
        assertThat(rounds).extracting(r -> r.path("added").asInt()).containsExactly(3, 0);
        assertThat(rounds).extracting(r -> r.path("pool").asInt()).containsExactly(6, 6);
        assertThat(steps.get(1).path("parentRun").asLong())
                .isEqualTo(steps.get(0).path("run").asLong());
        assertThat(cli.run("runs")).isZero();
        assertThat(cli.printed().get(0).path("settings").asText())
                .startsWith("seeds from #" + steps.get(0).path("run").asLong());
        assertThat(server.bodies().subList(3, 7))
                .as("round 1 shows step 1's samples")
                .allSatisfy(b -> assertThat(LoopbackServer.lastUserMessage(b)).containsPattern("Task: q[123]x1"));
    }

    @Test
    void badBootstrapSettingsAreRefusedNamingTheStepAndNothingIsStored() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.pipeline.json"),
                """
                {"name": "si", "steps": [
                  {"name": "a", "prompt": "instruction-writer", "input": "none",
                   "bootstrap": {"seeds": "dataset:instruction", "target": 5, "threshold": 1.5}},
                  {"name": "b", "prompt": "instruction-writer", "input": "none",
                   "bootstrap": {"target": 5, "minShare": -0.5, "similarity": "jaccard"}},
                  {"name": "c", "prompt": "instruction-writer", "input": "step:a"}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();

        assertThat(cli.err())
                .contains("steps[0].bootstrap.threshold: a ROUGE-L F is between 0 and 1; the threshold is above 0 and"
                        + " at most 1 (Self-Instruct's is 0.7); got 1.5")
                .contains("steps[1].bootstrap.seeds: name the seed pool as \"dataset:COLUMN\"")
                .contains("steps[1].bootstrap.minShare: a share of a round's candidates is between 0 and 1; got -0.5")
                .contains("steps[1].bootstrap.similarity: take \"rouge-l\" (as Self-Instruct) or \"embedding\" (the"
                        + " cosine of the texts' embeddings); got 'jaccard'")
                .contains("steps[2].input: step 'a' bootstraps in rounds");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }

    @Test
    void seedsFromAColumnTheDatasetHasNotAreRefusedBeforeAnythingIsSent() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();

        assertThat(cli.run(
                        "run", "--pipeline", "self-instruct", "--backend", "openai:" + server.url(), "--model", "tiny"))
                .isNotZero();

        assertThat(cli.err())
                .contains("Step 'instruction' takes its seeds from column 'instruction' of the run's dataset: name a"
                        + " dataset with that column with --dataset D.");
        assertThat(server.chatRequests()).isZero();
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.runs().list()).isEmpty();
        }
    }

    private int addExample() {
        return cli.run(
                "pipeline",
                "add",
                "--file",
                EXAMPLES.resolve("self-instruct.pipeline.json").toString());
    }

    private int runPipeline() {
        return cli.run(
                "run",
                "--pipeline",
                "self-instruct",
                "--dataset",
                "seeds",
                "--backend",
                "openai:" + server.url(),
                "--model",
                "tiny",
                "--concurrency",
                "2");
    }

    /** Runs the pipeline with the first {@code count} requests sent after {@code after} answers refused. */
    private int runPipelineRefusing(int after, int count) {
        refuseAfter = after;
        refuse.set(count);
        return runPipeline();
    }
}
