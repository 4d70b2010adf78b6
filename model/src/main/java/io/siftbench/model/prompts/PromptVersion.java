package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.siftbench.model.backends.OutputSchema;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version of a prompt, field for field the prompt file of docs/ARCHITECTURE.md ("The prompt file").
 * Saving a changed copy makes a new version; nothing here ever changes an old one.
 *
 * @param demonstrations null when the prompt uses none
 * @param output         the hand-written output schema; for annotation the schema is derived from the
 *                       labels instead, for a judge from its scale (see {@link #outputSchema()})
 * @param scale          a judge's scale ({@link JudgeScale#DEFAULT} when a judge prompt leaves it out); null
 *                       for the other modes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "note",
    "mode",
    "task",
    "template",
    "conditions",
    "plan",
    "demonstrations",
    "output",
    "scale"
})
public record PromptVersion(
        String name,
        String note,
        PromptMode mode,
        TaskSpec task,
        Template template,
        List<Condition> conditions,
        Plan plan,
        Demonstrations demonstrations,
        OutputSpec output,
        JudgeScale scale) {

    public PromptVersion {
        Objects.requireNonNull(name, "a prompt needs a name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a prompt needs a name");
        }
        Objects.requireNonNull(mode, "a prompt needs a mode: annotate, synthesize or judge");
        note = note == null ? "" : note;
        task = task == null ? new TaskSpec(null, null, null, null, false, false) : task;
        template = template == null ? new Template(null, null) : template;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        plan = plan == null ? new Plan(null, null) : plan;
        scale = scale == null && mode == PromptMode.JUDGE ? JudgeScale.DEFAULT : scale;
    }

    /** A prompt version of the annotate or synthesize mode, which has no judge's scale. */
    public PromptVersion(
            String name,
            String note,
            PromptMode mode,
            TaskSpec task,
            Template template,
            List<Condition> conditions,
            Plan plan,
            Demonstrations demonstrations,
            OutputSpec output) {
        this(name, note, mode, task, template, conditions, plan, demonstrations, output, null);
    }

    /**
     * The schema every output must satisfy, as backends use it for structured output: for annotation derived
     * from the label set, for a judge from its scale, for synthesis the hand-written one; null when a synthesis
     * prompt has none.
     */
    public OutputSchema outputSchema() {
        return switch (mode) {
            case ANNOTATE -> new OutputSchema(LabelSchema.of(task));
            case JUDGE -> new OutputSchema(scale.schema());
            case SYNTHESIZE -> output == null || output.schema() == null ? null : new OutputSchema(output.schema());
        };
    }

    public PromptVersion withNote(String newNote) {
        return new PromptVersion(name, newNote, mode, task, template, conditions, plan, demonstrations, output, scale);
    }

    public PromptVersion withName(String newName) {
        return new PromptVersion(newName, note, mode, task, template, conditions, plan, demonstrations, output, scale);
    }

    public PromptVersion withTemplate(Template newTemplate) {
        return new PromptVersion(name, note, mode, task, newTemplate, conditions, plan, demonstrations, output, scale);
    }

    public PromptVersion withConditions(List<Condition> newConditions) {
        return new PromptVersion(name, note, mode, task, template, newConditions, plan, demonstrations, output, scale);
    }

    public PromptVersion withDemonstrations(Demonstrations newDemonstrations) {
        return new PromptVersion(name, note, mode, task, template, conditions, plan, newDemonstrations, output, scale);
    }
}
