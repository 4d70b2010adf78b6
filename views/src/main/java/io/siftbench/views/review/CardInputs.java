package io.siftbench.views.review;

import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.SampleInput;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The input of the card shown, read in the background as each card shows: the record's text and gold label and the
 * demonstrations with their text and label. Only the newest card's input reaches the screen.
 */
final class CardInputs {

    private final ProjectTasks<ReviewSources> tasks;
    private final ProjectTasks<ReviewSources>.Latest reads;
    private final Consumer<Throwable> failed;
    private final ReadOnlyObjectWrapper<SampleInput> input =
            new ReadOnlyObjectWrapper<>(this, "input", SampleInput.NONE);

    CardInputs(ProjectTasks<ReviewSources> tasks, Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.reads = tasks.latest();
        this.failed = failed;
    }

    /** The input of the card shown; {@link SampleInput#NONE} until it is read, or with no card. */
    ReadOnlyObjectProperty<SampleInput> inputProperty() {
        return input.getReadOnlyProperty();
    }

    void read(RunInfo run, ReviewItem card) {
        input.set(SampleInput.NONE);
        ReviewSources open = tasks.open();
        if (run == null || card == null || open == null) {
            reads.clear();
            return;
        }
        reads.execute(BackgroundTask.of(
                        "Reading the sample's record",
                        p -> SampleInput.read(
                                open.runSources().datasets(), open.runSources().prompts(), run, card.sample()))
                .quiet()
                .onSuccess(input::set)
                .onFailure(failed));
    }
}
