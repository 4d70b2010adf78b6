package io.siftbench.views.pipelines;

import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineStep;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pipeline being edited: its name, note and steps, in order. Toolkit-free apart from its properties; what it
 * holds is read back as a {@link Pipeline} with {@link #pipeline()}, which saving checks as {@code pipeline add}
 * checks a file.
 */
public final class PipelineDraft {

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    /** Each step's parts notify the list, so that one listener hears every edit. */
    private final ObservableList<StepDraft> steps = FXCollections.observableArrayList(StepDraft::parts);

    /** A new pipeline: one step that synthesizes from its prompt's condition plan. */
    static Pipeline blank() {
        return new Pipeline("", "", List.of(new PipelineStep("first", null, "none", null, null, null, null, null)));
    }

    /** Shows {@code pipeline} in the draft, every step as it is. */
    void edit(Pipeline pipeline) {
        name.set(pipeline.name() == null ? "" : pipeline.name());
        note.set(pipeline.note());
        steps.setAll(pipeline.steps().stream()
                .map(s ->
                        new StepDraft(s == null ? new PipelineStep(null, null, null, null, null, null, null, null) : s))
                .toList());
    }

    /** The draft as a pipeline, as saving and the preview read it. */
    public Pipeline pipeline() {
        return new Pipeline(
                name.get() == null ? null : name.get().strip(),
                note.get(),
                steps.stream().map(StepDraft::step).toList());
    }

    /** Adds a step at the end that reads the step before it (the usual chain), or nothing when it is the first. */
    void addStep() {
        String previous = steps.isEmpty()
                ? null
                : steps.get(steps.size() - 1).nameProperty().get();
        String stepName = "step" + (steps.size() + 1);
        steps.add(new StepDraft(new PipelineStep(
                stepName,
                null,
                previous == null || previous.isBlank() ? "none" : "step:" + previous,
                null,
                null,
                null,
                null,
                null)));
    }

    void remove(StepDraft step) {
        steps.remove(step);
    }

    /** The inputs step {@code index} may take: nothing, the run's dataset, or an earlier step. */
    public List<String> inputChoices(int index) {
        List<String> choices = new ArrayList<>(List.of("none", "dataset"));
        for (int i = 0; i < index && i < steps.size(); i++) {
            String earlier = steps.get(i).nameProperty().get();
            if (earlier != null && !earlier.isBlank()) {
                choices.add("step:" + earlier.strip());
            }
        }
        return choices;
    }

    /** How many earlier steps step {@code index} continues, through its input and theirs: how far it is indented. */
    public int depth(int index) {
        return pipeline().ancestors(index).size();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<StepDraft> steps() {
        return steps;
    }
}
