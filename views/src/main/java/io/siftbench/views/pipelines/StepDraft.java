package io.siftbench.views.pipelines;

import io.siftbench.model.pipelines.PipelineStep;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One step of the pipeline being edited: its name, its prompt version ({@code NAME@V}), its input ({@code none},
 * {@code dataset} or {@code step:NAME}) and, reading a step, its selection. What the editor does not show (a step's
 * own backend, model, parameters, prefer) is carried over from the version it was opened from, unchanged.
 */
public final class StepDraft {

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty input = new SimpleStringProperty(this, "input", "none");
    private final StringProperty select = new SimpleStringProperty(this, "select", "");
    private final PipelineStep carried;

    StepDraft(PipelineStep from) {
        carried = from;
        name.set(orEmpty(from.name()));
        prompt.set(orEmpty(from.prompt()));
        input.set(orEmpty(from.input()));
        select.set(orEmpty(from.select()));
    }

    /** The step as the pipeline file writes it; a selection only where the step reads an earlier step. */
    public PipelineStep step() {
        String in = blankToNull(input.get());
        boolean readsStep = in != null && in.startsWith("step:");
        // What the editor does not show (backend, parameters, prefer, streaming, review stops, dialogues, rounds,
        // trees) is kept as the file said it.
        return carried.edited(
                blankToNull(name.get()), blankToNull(prompt.get()), in, readsStep ? blankToNull(select.get()) : null);
    }

    /** What an edit of the step changes: the editor listens to these. */
    Observable[] parts() {
        return new Observable[] {name, prompt, input, select};
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty inputProperty() {
        return input;
    }

    /** {@code all-valid}, {@code accepted}, {@code passing-filters}, or empty for the default (all valid). */
    public StringProperty selectProperty() {
        return select;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
