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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question → answer pipeline shipped in docs/examples, run through the command line in-process on a real
 * project file, against a loopback server speaking the OpenAI protocol through the real langchain4j client: step 2
 * answers every question step 1 wrote, each answer names its question, and a resume makes exactly what is missing.
 */
class PipelineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @TempDir
    Path dir;

    private final AtomicInteger questions = new AtomicInteger();
    /** How many of the next answer requests (step 2) are refused. */
    private final AtomicInteger refuseAnswers = new AtomicInteger();
    /** How many of the next question requests (step 1) are refused. */
    private final AtomicInteger refuseQuestions = new AtomicInteger();

    private LoopbackServer server;
    private Path project;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.resolve("p");
        cli = new InProcessCli(dir, project);
        // Step 1 is asked "Topic: …" and writes a question numbered as it arrives; step 2 is asked the question.
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always((s, ex, request) -> {
            String asked = LoopbackServer.lastUserMessage(request);
            boolean question = asked.startsWith("Topic: ");
            AtomicInteger refuse = question ? refuseQuestions : refuseAnswers;
            if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                LoopbackServer.status(400).send(s, ex, request);
            } else if (question) {
                LoopbackServer.answer(InProcessCli.textAnswer(
                                "Q" + questions.incrementAndGet() + ": what about " + asked.substring(7) + "?"))
                        .send(s, ex, request);
            } else {
                LoopbackServer.answer(InProcessCli.textAnswer("answer to " + asked))
                        .send(s, ex, request);
            }
        });
        cli.addExamples("question-writer.prompt.json", "answerer.prompt.json");
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void theQuestionAnswerPipelineAnswersEveryQuestionAndEachAnswerNamesItsQuestion() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();
        JsonNode added = cli.printed();
        assertThat(added.path("name").asText()).isEqualTo("question-answer");
        assertThat(added.path("version").asInt()).isEqualTo(1);
        assertThat(added.path("steps"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "question: question-writer@1 ← none", "answer: answerer@1 ← step:question (all-valid)");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed().get(0).path("name").asText()).isEqualTo("question-answer");

        assertThat(runPipeline()).as(cli::err).isZero();

        JsonNode summary = cli.printed();
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        JsonNode steps = summary.path("steps");
        assertThat(steps).hasSize(2);
        long questionRun = steps.get(0).path("run").asLong();
        long answerRun = steps.get(1).path("run").asLong();
        assertThat(steps.get(1).path("parentRun").asLong()).isEqualTo(questionRun);
        assertThat(steps.get(0).path("samples").asInt()).isEqualTo(6);
        assertThat(steps.get(1).path("samples").asInt()).isEqualTo(6);
        assertThat(server.chatRequests()).isEqualTo(12);

        try (Project p = new H2ProjectOpener().open(project)) {
            List<Sample> asked = p.samples().list(questionRun, 0, 100);
            List<Sample> answered = p.samples().list(answerRun, 0, 100);
            Map<Long, Sample> byId = asked.stream().collect(Collectors.toMap(Sample::id, Function.identity()));
            List<String> questionTexts = asked.stream().map(Sample::text).toList();
            assertThat(questionTexts).allMatch(t -> t.startsWith("Q")).doesNotHaveDuplicates();
            assertThat(answered).hasSize(6).allSatisfy(a -> {
                Sample question = byId.get(a.slot().parentSampleId());
                assertThat(question)
                        .as("the parent of answer %d is a question", a.id())
                        .isNotNull();
                assertThat(a.text()).isEqualTo("answer to " + question.text());
                assertThat(a.conditions()).isEqualTo(question.conditions());
            });
            assertThat(answered).extracting(a -> a.slot().parentSampleId()).doesNotHaveDuplicates();
        }
        List<JsonNode> answerBodies = server.bodies().stream()
                .filter(b -> !LoopbackServer.lastUserMessage(b).startsWith("Topic: "))
                .toList();
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(answerBodies)
                    .as("step 2's requests carry step 1's questions, through {{steps.question.text}}")
                    .extracting(LoopbackServer::lastUserMessage)
                    .containsExactlyInAnyOrderElementsOf(p.samples().list(questionRun, 0, 100).stream()
                            .map(Sample::text)
                            .toList());
        }
        assertThat(answerBodies)
                .as("the answer step's own temperature")
                .allSatisfy(b -> assertThat(b.path("temperature").asDouble()).isEqualTo(0.2));

        assertThat(cli.run("runs")).isZero();
        JsonNode listed = cli.printed();
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(answerRun);
        assertThat(listed.get(0).path("step").asText()).isEqualTo("answer");
        assertThat(listed.get(0).path("parentRun").asLong()).isEqualTo(questionRun);
        assertThat(listed.get(0).path("settings").asText()).isEqualTo("continues #" + questionRun + " · T 0.2");
        assertThat(listed.get(1).path("step").asText()).isEqualTo("question");
        assertThat(listed.get(1).path("parentRun").isNull()).isTrue();
        assertThat(listed.get(0).path("pipelineRun").asLong())
                .isEqualTo(listed.get(1).path("pipelineRun").asLong())
                .isEqualTo(summary.path("pipelineRun").asLong());

        Path alpaca = dir.resolve("out/answers.jsonl");
        assertThat(cli.run(
                        "export",
                        "--run",
                        String.valueOf(answerRun),
                        "--format",
                        "alpaca",
                        "--status",
                        "all",
                        "--out",
                        alpaca.toString()))
                .as(cli::err)
                .isZero();
        List<JsonNode> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(alpaca)) {
            pairs.add(JSON.readTree(line));
        }
        try (Project p = new H2ProjectOpener().open(project)) {
            List<String> questionTexts = p.samples().list(questionRun, 0, 100).stream()
                    .map(Sample::text)
                    .toList();
            assertThat(pairs)
                    .extracting(pair -> pair.path("instruction").asText())
                    .as("each answer's instruction is its question, the text of the step it continues")
                    .containsExactlyInAnyOrderElementsOf(questionTexts);
        }
        assertThat(pairs).hasSize(6).allSatisfy(pair -> {
            assertThat(pair.path("output").asText())
                    .isEqualTo("answer to " + pair.path("instruction").asText());
            assertThat(pair.path("input").asText())
                    .as("the question is the whole request")
                    .isEmpty();
        });
        String card = Files.readString(alpaca.resolveSibling("README.md"));
        assertThat(card)
                .as("the dataset card lists the pipeline and each step's prompt version, run and model")
                .contains("### Pipelines")
                .contains("#### question-answer v1 (pipeline run "
                        + summary.path("pipelineRun").asLong() + ")")
                .contains("| 1. question | none | question-writer@1 | #" + questionRun + " | openai | tiny |")
                .contains(
                        "| 2. answer | step:question (all-valid) | answerer@1 | #" + answerRun + " | openai | tiny |");
    }

    @Test
    void aResumeAfterAPartialAnswerStepMakesExactlyTheMissingAnswers() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();
        refuseAnswers.set(2);

        assertThat(runPipeline()).isEqualTo(1);

        JsonNode summary = cli.printed();
        long questionRun = summary.path("steps").get(0).path("run").asLong();
        long answerRun = summary.path("steps").get(1).path("run").asLong();
        assertThat(summary.path("steps").get(1).path("failures").asInt()).isEqualTo(2);
        assertThat(cli.err())
                .contains("run " + answerRun + " finished with 2 of 6 slots failed")
                .contains("--resume " + answerRun);
        assertThat(server.chatRequests()).isEqualTo(12);

        assertThat(cli.run("run", "--resume", String.valueOf(questionRun)))
                .as("resuming by any step's run picks up the step that is missing samples: " + cli.err())
                .isZero();

        assertThat(server.chatRequests())
                .as("the two refused answers only: no question asked again, no answer made twice")
                .isEqualTo(14);
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.samples().list(questionRun, 0, 100)).hasSize(6);
            List<Sample> answers = p.samples().list(answerRun, 0, 100);
            assertThat(answers).hasSize(6).noneMatch(Sample::failed);
            assertThat(answers).extracting(a -> a.slot().parentSampleId()).doesNotHaveDuplicates();
            assertThat(p.runs().list()).as("no third run").hasSize(2);
        }
    }

    @Test
    void theAnswerStepStartsOnlyOnceEveryQuestionIsThere() throws Exception {
        assertThat(addExample()).as(cli::err).isZero();
        refuseQuestions.set(1);

        assertThat(runPipeline()).isEqualTo(1);

        JsonNode summary = cli.printed();
        assertThat(summary.path("steps")).as("no answer step yet").hasSize(1);
        long questionRun = summary.path("steps").get(0).path("run").asLong();
        assertThat(server.chatRequests()).isEqualTo(6);

        assertThat(cli.run("run", "--resume", String.valueOf(questionRun)))
                .as(cli::err)
                .isZero();

        summary = cli.printed();
        assertThat(summary.path("steps")).hasSize(2);
        assertThat(summary.path("steps").get(1).path("samples").asInt()).isEqualTo(6);
        assertThat(server.chatRequests())
                .as("the refused question, then six answers")
                .isEqualTo(13);
    }

    @Test
    void aPipelineThatDoesNotFitTheProjectsPromptsIsRefusedNamingTheStepAndStoresNothing() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.pipeline.json"),
                """
                {"name": "qa", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "answer", "prompt": "answerer@3", "input": "step:question"},
                  {"name": "check", "prompt": "nobody", "input": "step:answer"}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();

        assertThat(cli.err())
                .contains("steps[1] (answer).prompt: prompt 'answerer' has no version 3 (it has 1 to 1)")
                .contains("steps[2] (check).prompt: there is no prompt 'nobody' in this project");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }

    @Test
    void aStepReadingAFieldItsEarlierStepDoesNotHaveIsRefused() throws Exception {
        Path prompt = Files.writeString(
                dir.resolve("topical.prompt.json"),
                """
                {"name": "topical", "mode": "synthesize",
                 "template": {"user": "{{steps.question.topic}} / {{steps.draft.text}}"},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                """);
        assertThat(cli.run("prompt", "add", "--file", prompt.toString()))
                .as(cli::err)
                .isZero();
        Path file = Files.writeString(
                dir.resolve("fields.pipeline.json"),
                """
                {"name": "qa", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "answer", "prompt": "topical", "input": "step:question"}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();

        assertThat(cli.err())
                .contains("steps[1] (answer): prompt 'topical@1' uses {{steps.question.topic}}, but step 'question'"
                        + " has no field 'topic' (it has id, text, label, rationale, confidence)")
                .contains("uses {{steps.draft.text}}, but 'draft' is no earlier step of its chain (question)");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }

    private int addExample() {
        return cli.run(
                "pipeline",
                "add",
                "--file",
                EXAMPLES.resolve("question-answer.pipeline.json").toString());
    }

    private int runPipeline() {
        return cli.run(
                "run",
                "--pipeline",
                "question-answer",
                "--backend",
                "openai:" + server.url(),
                "--model",
                "tiny",
                "--samples",
                "6",
                "--concurrency",
                "2");
    }
}
