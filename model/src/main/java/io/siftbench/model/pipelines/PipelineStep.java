package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.runs.BackendRef;

/**
 * One step of a pipeline as its file writes it. The fields are kept as written and read through the methods
 * below once {@link PipelineFile} has checked them.
 *
 * @param name       what the later steps' templates call it ({@code {{steps.NAME.text}}})
 * @param prompt     the prompt version, {@code NAME@V}; saving pins a {@code NAME} without a version to the newest
 * @param input      {@code dataset}, {@code none} or {@code step:NAME} ({@link StepInput})
 * @param select     with {@code step:NAME}: {@code all-valid} (the default) or {@code accepted} ({@link Selection})
 * @param backend    {@code KIND:URL_OR_FILE}, or null for the pipeline run's
 * @param model      the model to ask for, or null for the pipeline run's (or the backend's own, with a backend)
 * @param parameters the step's own generation parameters, or null for the pipeline run's
 * @param prefer     null, or the earlier step of its chain whose sample each of its samples is preferred over
 * @param bootstrap  null, or how the step grows a pool from seeds in rounds (self-instruct, {@link Bootstrap})
 * @param tree       null, or how the step expands a topic into a tree of subtopics ({@link TopicTree})
 * @param leaves     null, or the tree step whose leaves are the values of one of this step's conditions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "prompt",
    "input",
    "select",
    "backend",
    "model",
    "parameters",
    "prefer",
    "bootstrap",
    "tree",
    "leaves"
})
public record PipelineStep(
        String name,
        String prompt,
        String input,
        String select,
        String backend,
        String model,
        StepParameters parameters,
        StepPreference prefer,
        Bootstrap bootstrap,
        TopicTree tree,
        TopicLeaves leaves) {

    /** A step that makes one run of its input: no rounds, no tree, no leaves. */
    public PipelineStep(
            String name,
            String prompt,
            String input,
            String select,
            String backend,
            String model,
            StepParameters parameters,
            StepPreference prefer) {
        this(name, prompt, input, select, backend, model, parameters, prefer, null, null, null);
    }

    /** The prompt's name: {@code prompt} up to its last {@code @}. */
    @JsonIgnore
    public String promptName() {
        int at = prompt.lastIndexOf('@');
        return at < 0 ? prompt : prompt.substring(0, at);
    }

    /** The prompt's version, or null when the file leaves it to the newest. */
    @JsonIgnore
    public Integer promptVersion() {
        int at = prompt.lastIndexOf('@');
        return at < 0 ? null : Integer.valueOf(prompt.substring(at + 1));
    }

    /** The step with its prompt pinned to {@code version}. */
    public PipelineStep pinnedTo(int version) {
        return new PipelineStep(
                name,
                promptName() + "@" + version,
                input,
                select,
                backend,
                model,
                parameters,
                prefer,
                bootstrap,
                tree,
                leaves);
    }

    @JsonIgnore
    public StepInput source() {
        return StepInput.parse(input).orElseThrow();
    }

    @JsonIgnore
    public Selection selection() {
        return select == null ? Selection.ALL_VALID : Selection.fromId(select).orElseThrow();
    }

    /** Where this step's text comes from: its own backend and model, else the pipeline run's. */
    public BackendRef backendOver(BackendRef run) {
        if (backend == null) {
            return model == null ? run : BackendRef.of(BackendKind.parse(run.kind()), run.location(), model);
        }
        int colon = backend.indexOf(':');
        return BackendRef.of(BackendKind.parse(backend.substring(0, colon)), backend.substring(colon + 1), model);
    }
}
