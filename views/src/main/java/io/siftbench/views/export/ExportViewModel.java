package io.siftbench.views.export;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.export.ExportFilter;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.ExportSources;
import io.siftbench.model.export.ExportStatus;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.export.SplitRatios;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export dialog's state: format, statuses, filters, split, leakage options and output file, and the
 * export itself run in the background with progress. When done it says what was written and how many
 * records the leakage guard left out.
 */
public final class ExportViewModel {

    /** In the evaluation-set choice: no dataset is held out. */
    public static final String NO_EVALUATION_SET = "(none)";

    private final ExportSources sources;
    private final TaskExecutor tasks;
    private final List<Long> runs;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.JSONL);
    private final ObjectProperty<ExportStatus> status =
            new SimpleObjectProperty<>(this, "status", ExportStatus.ACCEPTED);
    private final BooleanProperty rejectedAsNegatives = new SimpleBooleanProperty(this, "rejectedAsNegatives");
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final StringProperty conditions = new SimpleStringProperty(this, "conditions", "");
    private final StringProperty flags = new SimpleStringProperty(this, "flags", "");
    private final StringProperty minTurns = new SimpleStringProperty(this, "minTurns", "");
    private final StringProperty maxTurns = new SimpleStringProperty(this, "maxTurns", "");
    private final BooleanProperty split = new SimpleBooleanProperty(this, "split");
    private final StringProperty shares = new SimpleStringProperty(this, "shares", "0.8,0.1,0.1");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "0");
    private final BooleanProperty keepDemonstrations = new SimpleBooleanProperty(this, "keepDemonstrations");
    private final StringProperty evaluationDataset =
            new SimpleStringProperty(this, "evaluationDataset", NO_EVALUATION_SET);
    private final ObservableList<String> datasets = FXCollections.observableArrayList(NO_EVALUATION_SET);
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<String> datasetsReadOnly = FXCollections.unmodifiableObservableList(datasets);

    private final ObjectProperty<Path> out = new SimpleObjectProperty<>(this, "out");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<ExportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    /** Exports {@code runs} read from {@code sources}; the output file starts beside the project file. */
    public ExportViewModel(ExportSources sources, TaskExecutor tasks, List<Long> runs) {
        this.sources = sources;
        this.tasks = tasks;
        this.runs = List.copyOf(runs);
        Path folder = sources.file().toAbsolutePath().getParent();
        String name =
                "run-" + String.join("-", runs.stream().map(String::valueOf).toList());
        out.set(folder.resolve("export-" + name).resolve(name + "." + ExportFormat.JSONL.extension()));
        // A new format keeps the chosen folder and name and changes only the extension.
        format.addListener((obs, was, now) -> {
            Path file = out.get();
            if (file != null && now != null) {
                String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                out.set(file.resolveSibling(stem + "." + now.extension()));
            }
        });
        tasks.execute(
                BackgroundTask.of("Listing datasets", p -> sources.datasets().list())
                        .quiet()
                        .onSuccess(list -> datasets.setAll(concat(list))));
    }

    private static List<String> concat(List<DatasetInfo> list) {
        List<String> names = new java.util.ArrayList<>();
        names.add(NO_EVALUATION_SET);
        list.forEach(d -> names.add(d.name()));
        return names;
    }

    public void export() {
        if (running.get()) {
            return;
        }
        ExportRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            problem.set(Problem.of("The export settings are not valid", e));
            return;
        }
        running.set(true);
        progress.set(0);
        outcome.set("");
        problem.set(null);
        tasks.execute(BackgroundTask.of("Exporting " + request.format().id(), p -> new Exporter(sources)
                        .export(request, (done, total, what) -> {
                            // Cancel (the status bar's) stops the export here; the export then discards what it
                            // staged, so nothing is left half-written where the files go.
                            p.checkCancelled();
                            p.update(done, total, what);
                            double share = total == 0 ? 1 : (double) done / total;
                            tasks.uiThread().execute(() -> progress.set(share));
                        }))
                .onSuccess(done -> {
                    running.set(false);
                    progress.set(1);
                    report.set(done);
                    outcome.set(describe(done));
                })
                .onCancelled(() -> {
                    running.set(false);
                    progress.set(0);
                    outcome.set("Export cancelled: nothing was written to " + request.out() + ".");
                })
                .onFailure(error -> {
                    running.set(false);
                    problem.set(Problem.of("The export failed", error));
                }));
    }

    /** The request the settings make; throws, saying which setting is wrong, when one is. */
    ExportRequest request() {
        if (out.get() == null) {
            throw new IllegalArgumentException("choose where to write the export");
        }
        SplitRatios ratios = null;
        if (split.get()) {
            long splitSeed;
            try {
                splitSeed = Long.parseLong(seed.get().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "the split seed must be a whole number, not '" + seed.get() + "'", e);
            }
            ratios = SplitRatios.parse(shares.get(), splitSeed);
        }
        String evaluation = NO_EVALUATION_SET.equals(evaluationDataset.get()) ? null : evaluationDataset.get();
        return new ExportRequest(
                runs,
                format.get(),
                out.get(),
                status.get(),
                rejectedAsNegatives.get(),
                new ExportFilter(
                        ExportFilter.conditionValues(words(conditions.get())),
                        words(labels.get()),
                        words(flags.get()),
                        turns("minimum", minTurns.get()),
                        turns("maximum", maxTurns.get())),
                ratios,
                keepDemonstrations.get(),
                evaluation);
    }

    /** What the researcher reads when the export is done. */
    static String describe(ExportReport done) {
        StringBuilder text = new StringBuilder(
                "Wrote " + done.total() + " record(s) to " + done.files().size() + " file(s), with the dataset card "
                        + done.card().getFileName() + ".");
        // Every sample of the runs is accounted for: written, or left out for one of these reasons.
        text.append(" Left out of ")
                .append(done.samples())
                .append(" sample(s): ")
                .append(done.leftOutByStatus())
                .append(" by their decision, ")
                .append(done.leftOutByFilter())
                .append(" by the filter, ")
                .append(done.leftOutAsFailed())
                .append(" failed, ")
                .append(done.leftOutAsDemonstrations())
                .append(" used as demonstrations, ")
                .append(done.leftOutAsEvaluation())
                .append(" found in the evaluation set.");
        return text.toString();
    }

    /** A bound on a dialogue's turns as typed: empty for none, else a whole number from 1. */
    private static Integer turns(String which, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int turns = Integer.parseInt(text);
            if (turns >= 1) {
                return turns;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(
                "the " + which + " number of turns must be a whole number of 1 or more, not '" + text + "'");
    }

    private static Set<String> words(String text) {
        Set<String> found = new HashSet<>();
        Arrays.stream(text == null ? new String[0] : text.split(","))
                .map(String::trim)
                .filter(w -> !w.isEmpty())
                .forEach(found::add);
        return found;
    }

    public List<Long> runs() {
        return runs;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<ExportStatus> statusProperty() {
        return status;
    }

    public BooleanProperty rejectedAsNegativesProperty() {
        return rejectedAsNegatives;
    }

    public StringProperty labelsProperty() {
        return labels;
    }

    public StringProperty conditionsProperty() {
        return conditions;
    }

    public StringProperty flagsProperty() {
        return flags;
    }

    /** The fewest turns of a dialogue's conversation exported; empty for no minimum. */
    public StringProperty minTurnsProperty() {
        return minTurns;
    }

    /** The most turns of a dialogue's conversation exported; empty for no maximum. */
    public StringProperty maxTurnsProperty() {
        return maxTurns;
    }

    public BooleanProperty splitProperty() {
        return split;
    }

    public StringProperty sharesProperty() {
        return shares;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty keepDemonstrationsProperty() {
        return keepDemonstrations;
    }

    public StringProperty evaluationDatasetProperty() {
        return evaluationDataset;
    }

    public ObservableList<String> datasets() {
        return datasetsReadOnly;
    }

    public ObjectProperty<Path> outProperty() {
        return out;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
