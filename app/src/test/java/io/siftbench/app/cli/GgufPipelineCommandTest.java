package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.testing.SharedFixtures;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question → answer example pipeline on the real stories260K model, in process: the schema of each step
 * becomes a grammar, so a model this small still writes a JSON text for every question and every answer, and each
 * answer's request holds the question it answers.
 */
class GgufPipelineCommandTest {

    @TempDir
    Path dir;

    @Test
    void theQuestionAnswerPipelineRunsOnTheInProcessModel() throws Exception {
        Path model = SharedFixtures.require("models/stories260K.gguf");
        try (InProcessCli cli = new InProcessCli(dir, dir.resolve("p"))) {
            cli.addExamples("question-writer.prompt.json", "answerer.prompt.json", "question-answer.pipeline.json");

            assertThat(cli.run(
                            "run",
                            "--pipeline",
                            "question-answer",
                            "--backend",
                            "gguf:" + model,
                            "--samples",
                            "3",
                            "--max-tokens",
                            "160",
                            "--concurrency",
                            "1"))
                    .as(cli::err)
                    .isZero();

            JsonNode summary = cli.printed();
            assertThat(summary.path("status").asText()).isEqualTo("completed");
            long questionRun = summary.path("steps").get(0).path("run").asLong();
            long answerRun = summary.path("steps").get(1).path("run").asLong();
            try (Project p = new H2ProjectOpener().open(dir.resolve("p"))) {
                List<Sample> questions = p.samples().list(questionRun, 0, 10);
                List<Sample> answers = p.samples().list(answerRun, 0, 10);
                assertThat(questions).hasSize(3).allSatisfy(q -> assertThat(q.valid())
                        .as("question %s", q.text())
                        .isTrue());
                Map<Long, Sample> byId = questions.stream().collect(Collectors.toMap(Sample::id, Function.identity()));
                assertThat(answers).hasSize(3).allSatisfy(a -> {
                    assertThat(a.valid()).as("answer %s", a.text()).isTrue();
                    Sample question = byId.get(a.slot().parentSampleId());
                    assertThat(question).isNotNull();
                    assertThat(a.slot()
                                    .messages()
                                    .get(a.slot().messages().size() - 1)
                                    .content())
                            .as("the answer step was asked the question")
                            .isEqualTo(question.text());
                });
                assertThat(answers).extracting(a -> a.slot().parentSampleId()).doesNotHaveDuplicates();
            }
        }
    }
}
