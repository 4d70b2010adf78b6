package io.siftbench.views.compare;

import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.compare.VariantsAgainstGold;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final ObservableList<VariantsAgainstGold> againstGold = FXCollections.observableArrayList();
    private final ObservableList<VariantsAgainstGold> againstGoldView =
            FXCollections.unmodifiableObservableList(againstGold);
    /** The gold labels of the records the rows answer, by record id; empty where there are none. */
    private Map<Long, String> gold = Map.of();
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

    ObservableList<VariantsAgainstGold> againstGold() {
        return againstGoldView;
    }

    /**
     * Shows {@code aligned} in place of the rows shown, scored against {@code gold} (labels by record id); their
     * summaries follow with {@link #summarize()}.
     */
    void show(List<CompareRow> aligned, Map<Long, String> gold) {
        this.gold = Map.copyOf(gold);
        rows.setAll(aligned);
    }

    /** Shows no rows and no summaries: another project is open, or none. */
    void clear() {
        rows.clear();
        summaries.clear();
        againstGold.clear();
        gold = Map.of();
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

    /** A variant's header and, for all but the first, how it labels against gold beside the first. */
    private record Headers(List<VariantSummary> summaries, List<VariantsAgainstGold> againstGold) {}

    /**
     * Recomputes every variant's header from the rows as shown, off the UI thread, with the paired comparison
     * against gold of each later column with the first (seeded by the first run's seed, so it reads the same).
     */
    void summarize() {
        List<CompareRow> snapshot = List.copyOf(rows);
        int count = variants.size();
        Map<Long, String> scored = gold;
        long seed = variants.isEmpty() ? 0 : variants.get(0).config().seed();
        summarizing.execute(BackgroundTask.of("Summarizing variants", p -> {
                    List<VariantSummary> out = new ArrayList<>(count);
                    List<VariantsAgainstGold> paired = new ArrayList<>();
                    for (int v = 0; v < count; v++) {
                        int column = v;
                        out.add(VariantSummary.of(snapshot.stream()
                                .map(r -> r.cells().get(column))
                                .filter(Objects::nonNull)
                                .toList()));
                        if (v > 0 && !scored.isEmpty()) {
                            VariantsAgainstGold.of(snapshot, 0, v, scored, seed).ifPresent(paired::add);
                        }
                    }
                    return new Headers(out, paired);
                })
                .quiet()
                .onSuccess(headers -> {
                    // Gold first: the header is drawn again when the summaries change.
                    againstGold.setAll(headers.againstGold());
                    summaries.setAll(headers.summaries());
                })
                .onFailure(failed));
    }
}
