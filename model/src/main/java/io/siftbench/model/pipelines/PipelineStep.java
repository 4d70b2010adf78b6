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
 * @param onePerCell with {@code step:NAME}: true to continue only the first selected sample of each condition cell
 *                   (combination of condition values), so that every cell gets one and none gets more
 * @param stopForReview true to stop the pipeline run once this step has completed, so that its samples are
 *                   reviewed before a later step reads them; a resume goes on from there
 * @param stream     true to start as soon as the step just before (its input) has a valid sample, and to continue
 *                   its samples as they come, instead of waiting for it to complete
 * @param dialogue   null, or the two prompts this step alternates as a dialogue (instead of {@code prompt})
 * @param bootstrap  null, or how the step grows a pool from seeds in rounds (self-instruct, {@link Bootstrap})
 * @param tree       null, or how the step expands a topic into a tree of subtopics ({@link TopicTree})
 * @param leaves     null, or the tree step whose leaves are the values of one of this step's conditions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "prompt",
    "dialogue",
    "input",
    "select",
    "onePerCell",
    "stream",
    "backend",
    "model",
    "parameters",
    "prefer",
    "stopForReview",
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
        Boolean onePerCell,
        Boolean stopForReview,
        Boolean stream,
        StepDialogue dialogue,
        Bootstrap bootstrap,
        TopicTree tree,
        TopicLeaves leaves) {

    /** A step that makes one run of its input, at once: no selection by cell, no review stop, no rounds. */
    public PipelineStep(
            String name,
            String prompt,
            String input,
            String select,
            String backend,
            String model,
            StepParameters parameters,
            StepPreference prefer) {
        this(name, prompt, input, select, backend, model, parameters, prefer, null, null, null, null, null, null, null);
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
        return edited(name, promptName() + "@" + version, input, select);
    }

    /** The step with the four fields an editor shows replaced, everything else it says kept. */
    public PipelineStep edited(String newName, String newPrompt, String newInput, String newSelect) {
        return new PipelineStep(
                newName,
                newPrompt,
                newInput,
                newSelect,
                backend,
                model,
                parameters,
                prefer,
                onePerCell,
                stopForReview,
                stream,
                dialogue,
                bootstrap,
                tree,
                leaves);
    }

    /** The dialogue step with its two prompts as given (pinned to their versions). */
    public PipelineStep withDialogue(StepDialogue pinned) {
        return new PipelineStep(
                name,
                prompt,
                input,
                select,
                backend,
                model,
                parameters,
                prefer,
                onePerCell,
                stopForReview,
                stream,
                pinned,
                bootstrap,
                tree,
                leaves);
    }

    @JsonIgnore
    public StepInput source() {
        return StepInput.parse(input).orElseThrow();
    }

    /** Whether only the first selected sample of each condition cell is continued. */
    @JsonIgnore
    public boolean takesOnePerCell() {
        return Boolean.TRUE.equals(onePerCell);
    }

    /** Whether the step starts with the first samples of the step before and continues them as they come. */
    @JsonIgnore
    public boolean streams() {
        return Boolean.TRUE.equals(stream);
    }

    /** Whether the pipeline run stops for review once this step has completed. */
    @JsonIgnore
    public boolean stopsForReview() {
        return Boolean.TRUE.equals(stopForReview);
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
