package io.siftbench.views.compare;

import io.siftbench.model.runs.RunProgress;
import io.siftbench.views.runs.RunFollower;
import javafx.collections.ObservableMap;

import io.siftbench.model.compare.Alignment;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compare: 2–4 runs (prompt versions, models or condition settings over the same inputs) side by side, rows
 * aligned by input, each cell decided on the spot or preferred over the others of its row. Loading, writing
 * and the per-variant summaries all run in the background.
 */
public final class CompareViewModel {

    private final javafx.beans.property.ReadOnlyObjectProperty<Project> project;
    private final TaskExecutor tasks;
    private final SerialTaskQueue writes;
    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    private final ObservableList<RunInfo> variants = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObservableList<VariantSummary> summaries = FXCollections.observableArrayList();
    private final ObservableList<RunInfo> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunInfo> variantsView = FXCollections.unmodifiableObservableList(variants);
    private final ObservableList<CompareRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<VariantSummary> summariesView = FXCollections.unmodifiableObservableList(summaries);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Bumped on each summary request, so that only the newest one shows. */
    private long summaryGeneration;

    public CompareViewModel(javafx.beans.property.ReadOnlyObjectProperty<Project> project, TaskExecutor tasks) {
        this.project = project;
        this.tasks = tasks;
        this.writes = new SerialTaskQueue(tasks, "Saving decisions");
        project.addListener((obs, was, now) -> {
            writes.flush();
            variants.clear();
            rows.clear();
            summaries.clear();
            reloadRuns();
        });
        reloadRuns();
    }

    public ObservableList<RunInfo> runs() {
        return runsView;
    }

    /** The runs compared, one column each, in the order chosen. */
    public ObservableList<RunInfo> variants() {
        return variantsView;
    }

    public ObservableList<CompareRow> rows() {
        return rowsView;
    }

    /** One per variant, in the variants' order. */
    public ObservableList<VariantSummary> summaries() {
        return summariesView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void reloadRuns() {
        Project open = project.get();
        if (open == null) {
            runs.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Listing runs", p -> open.runs().list()).quiet().onSuccess(list -> {
            if (open == project.get()) {
                runs.setAll(list);
            }
        }).onFailure(this::failed));
    }

    /**
     * Keeps the rows up to date while a compared run is going (see {@link RunFollower}): its new samples join
     * their rows without a restart.
     */
    public void follow(ObservableMap<Long, RunProgress> live) {
        RunFollower.follow(live, id -> runs.stream().anyMatch(r -> r.id() == id),
                id -> variants.stream().anyMatch(r -> r.id() == id), this::reloadRuns,
                () -> compare(List.copyOf(variants)));
    }

    /** Compares {@code chosen} (2 to 4 runs): reads their samples after pending writes and lines them up. */
    public void compare(List<RunInfo> chosen) {
        Project open = project.get();
        if (open == null) {
            return;
        }
        if (chosen.size() < 2 || chosen.size() > 4) {
            message.set("Choose 2 to 4 runs to compare, not " + chosen.size() + ".");
            return;
        }
        List<RunInfo> picked = List.copyOf(chosen);
        writes.submit(() -> Alignment.of(picked.stream().map(r -> open.review().items(r.id())).toList()), aligned -> {
            variants.setAll(picked);
            rows.setAll(aligned);
            message.set(aligned.size() + " rows over " + picked.size() + " runs.");
            summarize();
        }, this::failed);
    }

    public void accept(int row, int variant) {
        decide(row, variant, id -> Decision.of(id, DecisionStatus.ACCEPTED, null));
    }

    public void reject(int row, int variant) {
        decide(row, variant, id -> Decision.of(id, DecisionStatus.REJECTED, null));
    }

    /** The researcher's version of a cell: a text, a label, or both. */
    public void edit(int row, int variant, String text, String label) {
        decide(row, variant, id -> Decision.edit(id, text, label, null));
    }

    /** Records that the sample in {@code variant} is better than each other sample of its row. */
    public void prefer(int row, int variant) {
        Project open = project.get();
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
        writes.submit(() -> {
            List<PreferenceStore.Preference> recorded = new ArrayList<>();
            others.forEach(other -> recorded.add(open.preferences().prefer(chosen.sampleId(), other)));
            return recorded;
        }, recorded -> message.set("Preferred " + variantName(variant) + " over " + recorded.size()
                + (recorded.size() == 1 ? " other." : " others.")), this::failed);
    }

    /** Writes every decision and preference still pending now, on the calling thread; for closing. */
    public void flush() {
        writes.flush();
    }

    public String variantName(int variant) {
        RunInfo run = variants.get(variant);
        return "run " + run.id() + " (" + run.promptName() + " v" + run.promptVersion() + ")";
    }

    private void decide(int row, int variant, java.util.function.LongFunction<Decision> decision) {
        Project open = project.get();
        ReviewItem item = rows.get(row).cell(variant).orElse(null);
        if (open == null || item == null) {
            return;
        }
        Decision made = decision.apply(item.sampleId());
        rows.set(row, rows.get(row).withCell(variant, item.withDecision(made)));
        summarize();
        writes.submit(() -> open.decisions().decide(made), done -> { }, this::failed);
    }

    /** Recomputes every variant's header from the rows as shown, off the UI thread. */
    private void summarize() {
        long asked = ++summaryGeneration;
        List<CompareRow> snapshot = List.copyOf(rows);
        int count = variants.size();
        tasks.execute(BackgroundTask.of("Summarizing variants", p -> {
            List<VariantSummary> out = new ArrayList<>(count);
            for (int v = 0; v < count; v++) {
                int column = v;
                out.add(VariantSummary.of(snapshot.stream().map(r -> r.cells().get(column))
                        .filter(Objects::nonNull).toList()));
            }
            return out;
        }).quiet().onSuccess(computed -> {
            if (asked == summaryGeneration) {
                summaries.setAll(computed);
            }
        }).onFailure(this::failed));
    }

    private void failed(Throwable error) {
        String why = error.getMessage() == null ? error.toString() : error.getMessage();
        message.set(why.lines().findFirst().orElse(why));
    }
}
