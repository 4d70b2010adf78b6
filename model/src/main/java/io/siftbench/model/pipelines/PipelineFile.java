package io.siftbench.model.pipelines;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads and writes a pipeline as the pipeline file of docs/ARCHITECTURE.md, and checks its shape: every step named
 * once, a prompt, an input that is a dataset, nothing or an earlier step. Whether the prompts exist and fit their
 * steps only the project can tell ({@link PipelinePrompts}, when the pipeline is saved). As with the prompt file,
 * fields never change meaning and a reader ignores fields it does not know.
 */
public final class PipelineFile {

    /** A step name is a template name: {@code {{steps.NAME.text}}} must read it back as one. */
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private static final Pattern PROMPT_REF = Pattern.compile("[^@]+(@[1-9][0-9]{0,8})?");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PipelineFile() {}

    /** Reads the file at {@code file}; errors name it. */
    public static Pipeline read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PipelineFileException(file + ": cannot read the pipeline file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses {@code json} and checks its shape.
     *
     * @param source how errors name the text, e.g. its file name
     * @throws PipelineFileException saying where (line and column, or the step and field) and what is wrong
     */
    public static Pipeline parse(String json, String source) {
        Pipeline pipeline = readStored(json, source);
        if (pipeline == null) {
            throw new PipelineFileException(source + ": the file is empty; it should hold one pipeline object");
        }
        List<String> problems = problems(pipeline);
        if (!problems.isEmpty()) {
            throw new PipelineFileException(source + ": " + String.join("; ", problems));
        }
        return pipeline;
    }

    /** Reads a pipeline version the project stored earlier; only its shape as JSON is checked. */
    public static Pipeline readStored(String json, String source) {
        try {
            return JSON.readValue(json, Pipeline.class);
        } catch (JsonProcessingException e) {
            throw new PipelineFileException(source + ": " + PromptFile.describe(e), e);
        }
    }

    /** The pipeline file text of {@code pipeline}, indented, fields in the documented order. */
    public static String write(Pipeline pipeline) {
        try {
            return JSON.writeValueAsString(pipeline);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the shape of {@code pipeline}, each problem naming its field; empty when nothing is. */
    public static List<String> problems(Pipeline pipeline) {
        List<String> problems = new ArrayList<>();
        if (pipeline.name() == null || pipeline.name().isBlank()) {
            problems.add("name: a pipeline needs a name");
        } else {
            PromptNames.problem(pipeline.name())
                    .ifPresent(p -> problems.add("name: " + p.replace("a prompt name", "a pipeline name")));
        }
        if (pipeline.steps().isEmpty()) {
            problems.add("steps: a pipeline needs at least one step");
        }
        for (int i = 0; i < pipeline.steps().size(); i++) {
            stepProblems(pipeline, i, problems);
        }
        return problems;
    }

    private static void stepProblems(Pipeline pipeline, int i, List<String> problems) {
        PipelineStep step = pipeline.steps().get(i);
        String where = "steps[" + i + "]";
        if (step == null) {
            problems.add(where + ": a step is an object with a name, a prompt and an input");
            return;
        }
        if (step.name() == null || !STEP_NAME.matcher(step.name()).matches()) {
            problems.add(where + ".name: a step needs a name of 1 to 40 letters, digits, '_' or '-', starting with a"
                    + " letter (templates read it as {{steps.NAME.text}})"
                    + (step.name() == null ? "" : "; got '" + PromptNames.shown(step.name()) + "'"));
        } else {
            OptionalInt first = pipeline.indexOf(step.name());
            if (first.getAsInt() < i) {
                problems.add(where + ".name: steps[" + first.getAsInt() + "] is called '" + step.name()
                        + "' too; each step has a name of its own");
            }
        }
        if (step.dialogue() != null) {
            DialogueChecks.problems(pipeline, i, where, problems);
        } else {
            promptProblems(step.prompt(), where + ".prompt", "the step's prompt", problems);
        }
        inputProblems(pipeline, i, step, where, problems);
        if (step.streams()) {
            streamProblems(pipeline, i, step, where, problems);
        }
        if (step.stopsForReview() && i == pipeline.steps().size() - 1) {
            problems.add(where + ".stopForReview: the last step has no later step to wait for; review its samples"
                    + " once the pipeline run has completed");
        }
        DatasetWiseChecks.problems(pipeline, i, step, where, problems);
        if (step.prefer() != null) {
            preferProblems(pipeline, i, step.prefer(), where, problems);
        }
        if (step.backend() != null) {
            int colon = step.backend().indexOf(':');
            if (colon < 1 || colon == step.backend().length() - 1) {
                problems.add(where + ".backend: write it as KIND:URL_OR_FILE, e.g. openai:http://127.0.0.1:8080/v1;"
                        + " got '" + step.backend() + "'");
            } else {
                try {
                    BackendKind.parse(step.backend().substring(0, colon));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ".backend: " + e.getMessage());
                }
            }
        }
        if (step.parameters() != null) {
            try {
                step.parameters().over(io.siftbench.model.backends.GenerationParameters.DEFAULT);
            } catch (IllegalArgumentException e) {
                problems.add(where + ".parameters: " + e.getMessage());
            }
        }
    }

    /** A prompt reference, {@code field} of the file: {@code NAME} or {@code NAME@V}. */
    static void promptProblems(String prompt, String field, String whose, List<String> problems) {
        if (prompt == null || prompt.isBlank()) {
            problems.add(field + ": name " + whose + " as NAME or NAME@V");
        } else if (!PROMPT_REF.matcher(prompt).matches()) {
            problems.add(
                    field + ": '" + PromptNames.shown(prompt) + "' is not NAME or NAME@V (V a version number from 1)");
        }
    }

    /**
     * A step prefers its samples over those of an earlier step of its own chain, which it continues and so pairs
     * with one by one; that step must write texts (not annotate records) for the two to be a preference pair.
     */
    private static void preferProblems(
            Pipeline pipeline, int i, StepPreference prefer, String where, List<String> problems) {
        List<String> chain =
                pipeline.ancestors(i).stream().map(PipelineStep::name).toList();
        if (prefer.over() == null || prefer.over().isBlank()) {
            problems.add(where + ".prefer.over: name the earlier step of this step's chain whose samples this step's"
                    + " are preferred over, e.g. {\"over\": \"draft\"}");
        } else if (!chain.contains(prefer.over())) {
            problems.add(where + ".prefer.over: '" + PromptNames.shown(prefer.over())
                    + "' is no earlier step of this step's chain"
                    + (chain.isEmpty()
                            ? " (the step reads no earlier step, so it has nothing to be preferred over)"
                            : " (" + String.join(", ", chain) + ")"));
        } else if (StepInput.parse(pipeline.steps()
                                .get(pipeline.indexOf(prefer.over()).getAsInt())
                                .input())
                        .map(StepInput::kind)
                        .orElse(null)
                == StepInput.Kind.DATASET) {
            problems.add(where + ".prefer.over: step '" + prefer.over() + "' annotates records, so its samples are"
                    + " labels; a preference pairs two texts written for the same request");
        }
    }

    /**
     * A step streams from the step just before it, taking every valid sample as it comes: a selection that needs
     * the whole earlier step (the accepted ones, the filters' verdicts, one per cell) or a review in between cannot
     * be made while that step still runs.
     */
    private static void streamProblems(
            Pipeline pipeline, int i, PipelineStep step, String where, List<String> problems) {
        PipelineStep before = i == 0 ? null : pipeline.steps().get(i - 1);
        StepInput input = StepInput.parse(step.input()).orElse(null);
        if (before == null
                || input == null
                || input.kind() != StepInput.Kind.STEP
                || !input.step().equals(before.name())) {
            problems.add(where + ".stream: a step streams from the step just before it"
                    + (before == null ? "" : " (input \"step:" + before.name() + "\")")
                    + ", whose samples it continues as they come");
        } else if (before.stopsForReview()) {
            problems.add(where + ".stream: step '" + before.name() + "' stops for review, so its samples are read"
                    + " once it has completed and been reviewed");
        }
        if ((step.select() != null && !step.select().equals(Selection.ALL_VALID.id())) || step.takesOnePerCell()) {
            problems.add(where + ".stream: a streaming step takes every valid sample (select \"all-valid\", no"
                    + " onePerCell); the accepted ones, the filters' verdicts and one per cell are known only once"
                    + " the step before has completed");
        }
    }

    private static void inputProblems(
            Pipeline pipeline, int i, PipelineStep step, String where, List<String> problems) {
        var input = StepInput.parse(step.input());
        if (input.isEmpty()) {
            problems.add(where + ".input: say where the step's inputs come from: \"dataset\", \"none\" or"
                    + " \"step:NAME\" (an earlier step)"
                    + (step.input() == null ? "" : "; got '" + PromptNames.shown(step.input()) + "'"));
            return;
        }
        if (input.get().kind() != StepInput.Kind.STEP) {
            if (step.select() != null) {
                problems.add(where + ".select: only a step that reads an earlier step (input \"step:NAME\")"
                        + " selects its samples");
            }
            if (step.onePerCell() != null) {
                problems.add(where + ".onePerCell: only a step that reads an earlier step (input \"step:NAME\")"
                        + " takes one of its samples per condition cell");
            }
            return;
        }
        String parent = input.get().step();
        OptionalInt at = pipeline.indexOf(parent);
        if (at.isEmpty()) {
            problems.add(where + ".input: there is no step '" + PromptNames.shown(parent) + "' (the steps are "
                    + String.join(
                            ", ",
                            pipeline.steps().stream()
                                    .map(s -> s == null || s.name() == null ? "?" : s.name())
                                    .toList())
                    + ")");
        } else if (at.getAsInt() >= i) {
            problems.add(where + ".input: step '" + parent + "' is "
                    + (at.getAsInt() == i ? "this step itself" : "a later step (steps[" + at.getAsInt() + "])")
                    + "; a step reads only the samples of an earlier step");
        }
        if (step.select() != null && Selection.fromId(step.select()).isEmpty()) {
            problems.add(where + ".select: take \"all-valid\", \"accepted\" or \"passing-filters\"; got '"
                    + PromptNames.shown(step.select()) + "'");
        }
    }
}
