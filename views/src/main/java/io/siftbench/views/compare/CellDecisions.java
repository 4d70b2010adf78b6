package io.siftbench.views.compare;

import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the comparison shown and what is done in their cells: a decision shows in the cell at once and is
 * written by the serial queue, a preference is written and then told; each variant's summary header is computed
 * again from the rows as shown, in the background, after every change.
 */
final class CellDecisions {

    private final ProjectTasks<CompareSources> tasks;
    private final SerialTaskQueue writes;
    /** The runs compared, one column each; the summaries count one per run. */
    private final ObservableList<RunInfo> variants;

    private final IntFunction<String> variantName;
    private final Consumer<String> message;
    private final Consumer<Throwable> failed;
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObservableList<VariantSummary> summaries = FXCollections.observableArrayList();
    // One read-only view each, kept: the wrapper listens weakly, so a per-call one could stop telling the views.
    private final ObservableList<CompareRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<VariantSummary> summariesView = FXCollections.unmodifiableObservableList(summaries);
    /** The per-variant summaries: only the newest request's show. */
    private final ProjectTasks<CompareSources>.Latest summarizing;

    /**
     * @param writes      the queue the comparison's reads go through too, so that they see every decision made
     * @param variantName how column {@code variant} is headed, for the message that tells a preference
     */
    CellDecisions(
            ProjectTasks<CompareSources> tasks,
            SerialTaskQueue writes,
            ObservableList<RunInfo> variants,
            IntFunction<String> variantName,
            Consumer<String> message,
            Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.writes = writes;
        this.variants = variants;
        this.variantName = variantName;
        this.message = message;
        this.failed = failed;
        this.summarizing = tasks.latest();
    }

    ObservableList<CompareRow> rows() {
        return rowsView;
    }

    ObservableList<VariantSummary> summaries() {
        return summariesView;
    }

    /** Shows {@code aligned} in place of the rows shown; their summaries follow with {@link #summarize()}. */
    void show(List<CompareRow> aligned) {
        rows.setAll(aligned);
    }

    /** Shows no rows and no summaries: another project is open, or none. */
    void clear() {
        rows.clear();
        summaries.clear();
    }

    void accept(int row, int variant) {
        decide(row, variant, id -> Decision.of(id, DecisionStatus.ACCEPTED, null));
    }

    void reject(int row, int variant) {
        decide(row, variant, id -> Decision.of(id, DecisionStatus.REJECTED, null));
    }

    /** The researcher's version of a cell: a text, a label, or both. */
    void edit(int row, int variant, String text, String label) {
        decide(row, variant, id -> Decision.edit(id, text, label, null));
    }

    /** Records that the sample in {@code variant} is better than each other sample of its row. */
    void prefer(int row, int variant) {
        CompareSources open = tasks.open();
        CompareRow compared = rows.get(row);
        ReviewItem chosen = compared.cell(variant).orElse(null);
        if (open == null || chosen == null) {
            return;
        }
        List<Long> others = new ArrayList<>();
        for (int v = 0; v < compared.cells().size(); v++) {
            if (v != variant) {
                compared.cell(v).ifPresent(other -> others.add(other.sampleId()));
            }
        }
        writes.submit(
                () -> {
                    List<PreferenceStore.Preference> recorded = new ArrayList<>();
                    others.forEach(other -> recorded.add(open.preferences().prefer(chosen.sampleId(), other)));
                    return recorded;
                },
                recorded -> message.accept("Preferred " + variantName.apply(variant) + " over " + recorded.size()
                        + (recorded.size() == 1 ? " other." : " others.")),
                failed);
    }

    private void decide(int row, int variant, LongFunction<Decision> decision) {
        CompareSources open = tasks.open();
        ReviewItem item = rows.get(row).cell(variant).orElse(null);
        if (open == null || item == null) {
            return;
        }
        Decision made = decision.apply(item.sampleId());
        rows.set(row, rows.get(row).withCell(variant, item.withDecision(made)));
        summarize();
        writes.submit(() -> open.decisions().decide(made), done -> {}, failed);
    }

    /** Recomputes every variant's header from the rows as shown, off the UI thread. */
    void summarize() {
        List<CompareRow> snapshot = List.copyOf(rows);
        int count = variants.size();
        summarizing.execute(BackgroundTask.of("Summarizing variants", p -> {
                    List<VariantSummary> out = new ArrayList<>(count);
                    for (int v = 0; v < count; v++) {
                        int column = v;
                        out.add(VariantSummary.of(snapshot.stream()
                                .map(r -> r.cells().get(column))
                                .filter(Objects::nonNull)
                                .toList()));
                    }
                    return out;
                })
                .quiet()
                .onSuccess(summaries::setAll)
                .onFailure(failed));
    }
}
