package io.siftbench.app.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The question → answer pipeline shipped in docs/examples, as the screens' tests run it: its two prompts and the
 * pipeline saved in a project, run through the real run machinery against a loopback server speaking the OpenAI
 * protocol to the real langchain4j client. Step 1 writes "Q1 on TOPIC?", "Q2 …" in the order asked; step 2 answers
 * each question with "A to QUESTION".
 */
public final class QuestionAnswerPipeline implements AutoCloseable {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server;
    private final RunBackends backends;
    private final AtomicInteger questions = new AtomicInteger();

    public QuestionAnswerPipeline() throws IOException {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        server.always(answers(questions));
        BackendSettings user = new BackendSettings(
                List.of(BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                        .withName("loopback")),
                "loopback",
                GenerationParameters.DEFAULT);
        backends = new RunBackends(() -> user);
    }

    /**
     * What the loopback server answers the example's two prompts: "Q1 on TOPIC?", "Q2 …" (counted in
     * {@code questions}) to step 1, "A to QUESTION" to step 2.
     */
    public static LoopbackServer.Reply answers(AtomicInteger questions) {
        return LoopbackServer.answering(request -> {
            String asked = LoopbackServer.lastUserMessage(request);
            // As JSON text: a request of several lines (a dialogue's turn) is answered with a valid output too.
            return JSON.createObjectNode()
                    .put(
                            "text",
                            asked.startsWith("Topic: ")
                                    ? "Q" + questions.incrementAndGet() + " on " + asked.substring(7) + "?"
                                    : "A to " + asked)
                    .toString();
        });
    }

    /** Makes {@code server} the user's one backend, called "loopback", in the settings folder {@code folder}. */
    public static void userBackend(Path folder, LoopbackServer server) {
        new JsonBackendsFile(folder.resolve("backends.json"))
                .save(new BackendSettings(
                        List.of(BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                                .withName("loopback")),
                        "loopback",
                        GenerationParameters.DEFAULT));
    }

    /** Saves the example's two prompts and the pipeline itself (version 1) in {@code project}. */
    public static StoredPipeline save(Project project) {
        project.prompts().save(PromptFile.read(EXAMPLES.resolve("question-writer.prompt.json")));
        project.prompts().save(PromptFile.read(EXAMPLES.resolve("answerer.prompt.json")));
        return project.pipelines().save(PipelineFile.read(EXAMPLES.resolve("question-answer.pipeline.json")));
    }

    /**
     * Saves the dialogue example, which opens its conversations from the same questions, with its prompts (the
     * question writer, the customer and the agent) in {@code project}. Its turns are answered "A to REQUEST": no
     * turn says GOODBYE, so every conversation has all four turns.
     */
    public static StoredPipeline saveDialogue(Project project) {
        for (String prompt : List.of("question-writer", "customer", "agent")) {
            project.prompts().save(PromptFile.read(EXAMPLES.resolve(prompt + ".prompt.json")));
        }
        return project.pipelines().save(PipelineFile.read(EXAMPLES.resolve("dialogue.pipeline.json")));
    }

    /** The run machinery of {@code project}, its runs sent to this loopback server. */
    public ProjectRuns runs(Project project) {
        return new ProjectRuns(project, backends, EmbeddingModels::miniLm);
    }

    /** Runs {@code pipeline} on {@code project} to its end: {@code count} questions, then an answer to each. */
    public PipelineRunner.Outcome run(Project project, StoredPipeline pipeline, int count) throws Exception {
        PipelineRunner runner = runs(project).pipelines();
        long pipelineRun = runner.start(
                pipeline,
                new PipelineSettings(
                        new BackendRef("openai", server.url(), "tiny"),
                        null,
                        count,
                        3,
                        1,
                        1,
                        RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        return runner.execute(pipelineRun, (step, definition, run) -> (sample, progress) -> {}, () -> false);
    }

    @Override
    public void close() {
        backends.close();
        server.close();
    }
}
