package io.siftbench.views.review;

import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewQueue;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The decisions on the queue shown, with undo, redo and the researcher's position in it. A decision shows at once
 * and the next card with it; the decision itself is written by the serial queue, in order, before any later undo,
 * redo or reload touches the project, and the position with it, so that a restart comes back to the same card.
 */
final class ReviewDecisions {

    /** What the screen around the queue does as a card is shown: its verdict, its warning. */
    interface Shown {
        /** Before {@code card} (null past the end) becomes the current one, so that its verdict is there first. */
        void showing(ReviewItem card);

        /** After the card and the counts are shown. */
        void shown(ReviewItem card);
    }

    private final ProjectTasks<ReviewSources> tasks;
    private final SerialTaskQueue writes;
    private final Supplier<RunInfo> run;
    private final BiConsumer<Long, Decision> decided;
    private final Shown shown;
    private final Consumer<String> message;
    private final Consumer<Throwable> failed;
    private ReviewQueue queue = QueueRows.EMPTY;
    private final QueueRows rows = new QueueRows();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyObjectWrapper<ReviewItem> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyIntegerWrapper decidedCount = new ReadOnlyIntegerWrapper(this, "decided");
    private final ReadOnlyDoubleWrapper acceptRate = new ReadOnlyDoubleWrapper(this, "acceptRate");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    /**
     * @param run     the run whose queue is shown
     * @param decided hears each decision that now counts for a sample, made, undone or redone
     */
    ReviewDecisions(
            ProjectTasks<ReviewSources> tasks,
            SerialTaskQueue writes,
            Supplier<RunInfo> run,
            BiConsumer<Long, Decision> decided,
            Shown shown,
            Consumer<String> message,
            Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.writes = writes;
        this.run = run;
        this.decided = decided;
        this.shown = shown;
        this.message = message;
        this.failed = failed;
    }

    ObservableList<ReviewItem> items() {
        return rows;
    }

    ReadOnlyObjectProperty<ReviewItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty decidedProperty() {
        return decidedCount.getReadOnlyProperty();
    }

    int size() {
        return queue.size();
    }

    ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty acceptRateProperty() {
        return acceptRate.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    StringProperty noteProperty() {
        return note;
    }

    boolean isSaved() {
        return writes.isIdle();
    }

    /** Shows {@code loaded} in place of the queue shown, at its position. */
    void show(ReviewQueue loaded) {
        queue = loaded;
        rows.show(loaded);
        showPosition();
    }

    /** Shows no queue: no project or no run. */
    void showNone() {
        show(QueueRows.EMPTY);
    }

    void accept() {
        decideCurrent(id -> Decision.of(id, DecisionStatus.ACCEPTED, note()));
    }

    void reject() {
        decideCurrent(id -> Decision.of(id, DecisionStatus.REJECTED, note()));
    }

    void skip() {
        decideCurrent(id -> Decision.of(id, DecisionStatus.SKIPPED, note()));
    }

    /** The researcher's version of the current sample; what the model wrote, unchanged, is an acceptance. */
    void saveEdit(String text, String label) {
        decideCurrent(id -> {
            ReviewItem item = current.get();
            boolean sameText = text == null || text.equals(item.sample().text());
            boolean sameLabel = label == null || label.equals(item.sample().label());
            return sameText && sameLabel
                    ? Decision.of(id, DecisionStatus.ACCEPTED, note())
                    : Decision.edit(id, sameText ? null : text, sameLabel ? null : label, note());
        });
    }

    /**
     * Records {@code status} for every sample in {@code sampleIds} as one action that one undo takes back, and says
     * so once it is written; {@code why} names the samples, e.g. "flagged by length", or is empty.
     */
    void decideAll(List<Long> sampleIds, DecisionStatus status, String why) {
        String done = (status == DecisionStatus.ACCEPTED ? "Accepted " : "Rejected ")
                + DecisionMessages.count(sampleIds.size())
                + (why.isEmpty() ? "" : " " + why);
        record(sampleIds.stream().map(id -> Decision.of(id, status, null)).toList(), false, done);
    }

    /** Sets {@code label} on every sample in {@code sampleIds} as one action (an edit where it differs). */
    void labelAll(List<Long> sampleIds, String label) {
        List<Decision> decisions = new ArrayList<>();
        for (long id : sampleIds) {
            queue.indexOf(id)
                    .map(queue::get)
                    .ifPresent(item -> decisions.add(
                            label.equals(item.sample().label())
                                    ? Decision.of(id, DecisionStatus.ACCEPTED, null)
                                    : Decision.edit(id, null, label, null)));
        }
        record(decisions, false, "Set the label " + label + " on " + DecisionMessages.count(decisions.size()));
    }

    /** The text the queue read for {@code sampleId}: the model's own, or an annotated record's; null without. */
    String measuredText(long sampleId) {
        return queue.measuredText(sampleId);
    }

    /** The queue's item of sample {@code sampleId}, where the queue shown holds it. */
    Optional<ReviewItem> item(long sampleId) {
        return queue.indexOf(sampleId).map(queue::get);
    }

    /** Shows the card at {@code index} of the queue (a click in table mode). */
    void moveTo(int index) {
        queue.moveTo(index);
        showPosition();
        savePosition();
    }

    void undo() {
        step(false, DecisionStore::undo);
    }

    void redo() {
        step(true, DecisionStore::redo);
    }

    /** Writes everything still pending now, on the calling thread; for closing a project or the application. */
    void flush() {
        writes.flush();
    }

    private String note() {
        String text = note.get();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void decideCurrent(LongFunction<Decision> decision) {
        ReviewItem item = current.get();
        if (item != null) {
            record(List.of(decision.apply(item.sampleId())), true, null);
        }
    }

    /**
     * Shows the decisions at once, moves on when deciding card by card, and writes them in the background; a bulk
     * action's {@code done} ("Rejected 11 samples") is said once they are written, a card's own (null) shows as
     * the next card.
     */
    private void record(List<Decision> decisions, boolean moveOn, String done) {
        ReviewSources open = tasks.open();
        RunInfo chosen = run.get();
        if (open == null || chosen == null || decisions.isEmpty()) {
            return;
        }
        decisions.forEach(this::show);
        if (moveOn) {
            queue.next();
            note.set("");
        }
        showPosition();
        Optional<Long> at = positionSample();
        writes.submit(
                () -> {
                    DecisionAction action = open.decisions().decide(decisions);
                    at.ifPresent(sample -> open.review().savePosition(chosen.id(), sample));
                    return action;
                    // The queue shows these decisions already; going over thousands of rows again would cost frames.
                },
                written -> {
                    if (done != null) {
                        message.accept(DecisionMessages.recorded(done, RunLabel.name(chosen)));
                    }
                },
                failed);
    }

    /** An undo or redo as written, and the name of the run of its samples, read with it. */
    private record Step(DecisionAction action, String run) {}

    /** Undoes ({@code redo} false) or redoes the newest action in the project's history, after pending writes. */
    private void step(boolean redo, Function<DecisionStore, Optional<DecisionAction>> action) {
        ReviewSources open = tasks.open();
        if (open == null) {
            return;
        }
        RunInfo shown = run.get();
        writes.submit(
                () -> action.apply(open.decisions()).map(a -> new Step(a, runOf(open, a, shown))),
                stepped -> {
                    if (stepped.isEmpty()) {
                        message.accept(redo ? "Nothing to redo." : "Nothing to undo.");
                        return;
                    }
                    DecisionAction a = stepped.get().action();
                    for (int i = 0; i < a.decisions().size(); i++) {
                        long sample = a.decisions().get(i).sampleId();
                        Decision now = a.current().get(i);
                        decided.accept(sample, now);
                        update(sample, now);
                    }
                    // Undo goes back to the card it took back; redo goes on past it, as deciding did.
                    Optional<Integer> first = a.sampleIds().stream()
                            .map(queue::indexOf)
                            .flatMap(Optional::stream)
                            .findFirst();
                    first.ifPresent(index -> queue.moveTo(redo && a.decisions().size() == 1 ? index + 1 : index));
                    message.accept(
                            DecisionMessages.stepped(redo, a, stepped.get().run()));
                    showPosition();
                    savePosition();
                },
                failed);
    }

    /**
     * The name of the run whose samples {@code action} decided on, which may not be the run {@code shown}: only
     * another run is looked up, since a run's info counts its samples, seconds for a run of a million.
     */
    private static String runOf(ReviewSources open, DecisionAction action, RunInfo shown) {
        return open.runSources()
                .samples()
                .find(action.sampleIds().get(0))
                .flatMap(sample -> shown != null && sample.runId() == shown.id()
                        ? Optional.of(shown)
                        : open.runSources().runs().find(sample.runId()))
                .map(RunLabel::name)
                .orElse("a run no longer in the project");
    }

    private void savePosition() {
        ReviewSources open = tasks.open();
        RunInfo chosen = run.get();
        Optional<Long> at = positionSample();
        if (open != null && chosen != null && at.isPresent()) {
            writes.submit(
                    () -> {
                        open.review().savePosition(chosen.id(), at.get());
                        return null;
                    },
                    nothing -> {},
                    failed);
        }
    }

    /** The sample the researcher is at; past the end, the last one, so that a restart shows the end again. */
    private Optional<Long> positionSample() {
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                queue.get(Math.min(queue.position(), queue.size() - 1)).sampleId());
    }

    private void show(Decision decision) {
        if (decision == null) {
            return;
        }
        decided.accept(decision.sampleId(), decision);
        update(decision.sampleId(), decision);
    }

    /** Puts {@code decision} on its sample in the queue and in table mode's row. */
    private void update(long sampleId, Decision decision) {
        queue.indexOf(sampleId).ifPresent(index -> {
            ReviewItem was = queue.get(index);
            queue.update(sampleId, decision);
            rows.changed(index, was);
        });
    }

    private void showPosition() {
        size.set(queue.size());
        position.set(queue.position());
        ReviewItem now = queue.current().orElse(null);
        shown.showing(now);
        if (!Objects.equals(now, current.get())) {
            current.set(now);
        }
        decidedCount.set(queue.decided());
        acceptRate.set(queue.acceptRate());
        progress.set(queue.isEmpty() ? 0 : (double) queue.decided() / queue.size());
        shown.shown(current.get());
    }
}
