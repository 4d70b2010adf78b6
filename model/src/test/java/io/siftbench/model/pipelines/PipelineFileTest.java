package io.siftbench.model.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The pipeline file's shape: each refusal names the step and field, and what is wrong. */
class PipelineFileTest {

    private static Pipeline parse(String json) {
        return PipelineFile.parse(json, "qa.pipeline.json");
    }

    @Test
    void theShippedExampleReadsWithItsStepsAndInputs() {
        Pipeline example = PipelineFile.read(Path.of("..", "docs", "examples", "question-answer.pipeline.json"));

        assertThat(example.name()).isEqualTo("question-answer");
        assertThat(example.steps()).extracting(PipelineStep::name).containsExactly("question", "answer");
        assertThat(example.steps().get(0).source().kind()).isEqualTo(StepInput.Kind.NONE);
        assertThat(example.steps().get(1).source()).isEqualTo(new StepInput(StepInput.Kind.STEP, "question"));
        assertThat(example.steps().get(1).selection()).isEqualTo(Selection.ALL_VALID);
        assertThat(example.ancestors(1)).extracting(PipelineStep::name).containsExactly("question");
        assertThat(PipelineFile.parse(PipelineFile.write(example), "written")).isEqualTo(example);
    }

    @Test
    void theRefineExamplePrefersItsLastStepOverTheDraftOfItsChainAndWritesItBack() {
        Pipeline example = PipelineFile.read(Path.of("..", "docs", "examples", "draft-critique-refine.pipeline.json"));

        assertThat(example.steps())
                .extracting(PipelineStep::prefer)
                .containsExactly(null, null, new StepPreference("draft"));
        assertThat(example.ancestors(2)).extracting(PipelineStep::name).containsExactly("critique", "draft");
        assertThat(PipelineFile.parse(PipelineFile.write(example), "written")).isEqualTo(example);
    }

    @Test
    void aPreferenceWithoutAStepOrOverAnAnnotatingStepIsRefused() {
        assertThatThrownBy(
                        () -> parse(
                                """
                        {"name": "qa", "steps": [
                          {"name": "intent", "prompt": "i", "input": "dataset"},
                          {"name": "why", "prompt": "w", "input": "step:intent", "prefer": {"over": "intent"}},
                          {"name": "better", "prompt": "b", "input": "step:why", "prefer": {}}]}
                        """))
                .hasMessage("qa.pipeline.json: steps[1].prefer.over: step 'intent' annotates records, so its samples"
                        + " are labels; a preference pairs two texts written for the same request;"
                        + " steps[2].prefer.over: name the earlier step of this step's chain whose samples this"
                        + " step's are preferred over, e.g. {\"over\": \"draft\"}");
    }

    @Test
    void aStepReadingAStepThatIsNotThereNamesTheStepsThereAre() {
        assertThatThrownBy(
                        () -> parse(
                                """
                        {"name": "qa", "steps": [
                          {"name": "question", "prompt": "q", "input": "none"},
                          {"name": "answer", "prompt": "a", "input": "step:questions"}]}
                        """))
                .isInstanceOf(PipelineFileException.class)
                .hasMessage("qa.pipeline.json: steps[1].input: there is no step 'questions' (the steps are question,"
                        + " answer)");
    }

    @Test
    void aStepReadingALaterStepOrItselfIsRefused() {
        assertThatThrownBy(
                        () -> parse(
                                """
                        {"name": "qa", "steps": [
                          {"name": "question", "prompt": "q", "input": "step:answer"},
                          {"name": "answer", "prompt": "a", "input": "step:answer"}]}
                        """))
                .hasMessage("qa.pipeline.json: steps[0].input: step 'answer' is a later step (steps[1]); a step reads"
                        + " only the samples of an earlier step; steps[1].input: step 'answer' is this step itself;"
                        + " a step reads only the samples of an earlier step");
    }

    @Test
    void twoStepsOfOneNameAreRefused() {
        assertThatThrownBy(
                        () -> parse(
                                """
                        {"name": "qa", "steps": [
                          {"name": "question", "prompt": "q", "input": "none"},
                          {"name": "question", "prompt": "a", "input": "step:question"}]}
                        """))
                .hasMessage("qa.pipeline.json: steps[1].name: steps[0] is called 'question' too; each step has a name"
                        + " of its own");
    }

    @Test
    void anInputSelectionNameOrBackendThatIsNoneOfTheFormsSaysWhatItTakes() {
        assertThatThrownBy(
                        () -> parse(
                                """
                        {"name": "qa", "steps": [
                          {"name": "the question", "prompt": "q", "input": "nothing"},
                          {"name": "answer", "prompt": "a", "input": "none", "select": "accepted"},
                          {"name": "check", "prompt": "c@0", "input": "step:answer", "select": "best",
                           "backend": "vllm:http://x", "parameters": {"temperature": -1}}]}
                        """))
                .hasMessageContaining("steps[0].name: a step needs a name of 1 to 40 letters, digits, '_' or '-',"
                        + " starting with a letter (templates read it as {{steps.NAME.text}}); got 'the question'")
                .hasMessageContaining("steps[0].input: say where the step's inputs come from: \"dataset\", \"none\" or"
                        + " \"step:NAME\" (an earlier step); got 'nothing'")
                .hasMessageContaining("steps[1].select: only a step that reads an earlier step (input \"step:NAME\")"
                        + " selects its samples")
                .hasMessageContaining("steps[2].prompt: 'c@0' is not NAME or NAME@V (V a version number from 1)")
                .hasMessageContaining(
                        "steps[2].select: take \"all-valid\", \"accepted\" or \"passing-filters\"; got 'best'")
                .hasMessageContaining("steps[2].backend: Unknown backend kind 'vllm': use ollama, openai or gguf")
                .hasMessageContaining("steps[2].parameters: Generation parameters out of range");
    }

    @Test
    void aPipelineWithoutNameOrStepsAndBrokenJsonSayWhere() {
        assertThatThrownBy(() -> parse("{\"steps\": []}"))
                .hasMessage("qa.pipeline.json: name: a pipeline needs a name; steps: a pipeline needs at least one"
                        + " step");
        assertThatThrownBy(() -> parse("{\"name\": \"qa\",\n \"steps\": [}"))
                .isInstanceOf(PipelineFileException.class)
                .hasMessageStartingWith("qa.pipeline.json: line 2, column 12: ");
    }
}
