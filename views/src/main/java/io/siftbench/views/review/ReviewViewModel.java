package io.siftbench.views.review;

import io.siftbench.model.curation.CurationReport;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.curation.Judgements;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.pipelines.SampleChain;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.QueueFilter;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.SampleInput;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.views.controls.TypedNumbers;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.project.RunFollower;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The review screen's state and commands. The whole filtered queue of the chosen run is held, each sample as a
 * small entry with its text in the queue's file and without its prompt and raw output (read with the card's input),
 * so the next card shows the moment a decision is made; the decision itself is written by a serial
 * background queue, in order, before any later undo, redo or reload touches the project. Three parts do the
 * work: the {@link ReviewQueueLoader} reads the queue, {@link ReviewDecisions} decides on it (undo, redo,
 * position), the {@link SimilarityWarning} compares the card shown with the samples accepted.
 */
public final class ReviewViewModel {

    private final ProjectTasks<ReviewSources> tasks;
    private final ProjectRunList runs;
    private final ReviewQueueLoader loader;
    private final ReviewDecisions decisions;
    private final SimilarityWarning similarity;
    private final CardInputs inputs;
    private final LabelDoubtFinder doubtFinder;
    private final ObjectProperty<RunInfo> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<QueueOrder> order = new SimpleObjectProperty<>(this, "order", QueueOrder.AS_GENERATED);
    private final ObjectProperty<QueueFilter> filter = new SimpleObjectProperty<>(this, "filter", QueueFilter.ALL);
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    // One read-only view: the wrapper listens to its list, so a new one per call would pile up listeners.
    private final ObservableList<String> labelsView = FXCollections.unmodifiableObservableList(labels);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<PromptMode> mode =
            new ReadOnlyObjectWrapper<>(this, "mode", PromptMode.ANNOTATE);
    private final ReadOnlyObjectWrapper<JudgeVerdict> judgement = new ReadOnlyObjectWrapper<>(this, "judgement");
    private final ReadOnlyObjectWrapper<LabelDoubt> doubt = new ReadOnlyObjectWrapper<>(this, "doubt");
    private final ObjectProperty<CurationSettings> curation =
            new SimpleObjectProperty<>(this, "curation", CurationSettings.defaults());
    /** The curation flags of the run as last loaded, for "reject all flagged by …". */
    private CurationReport flags = new CurationReport(List.of());
    /** The verdicts of the newest judge run of the run as last loaded, for the card. */
    private Judgements judgements = Judgements.NONE;
    /** The samples whose label the student doubts, as last loaded, for the card. */
    private Map<Long, LabelDoubt> doubts = Map.of();
    /**
     * Set when "most doubtful first" is chosen, and again whenever a queue in that order had its doubts: a queue
     * loaded without them then finds them, once, so that a finding whose doubts do not come is not repeated.
     */
    private boolean findDoubtsForOrder;

    /**
     * @param sources  the stores of the open project the screen reads and writes; null while none is open
     * @param embedder gives the samples embeddings for the k-means and vote-k orders and the "too similar to
     *                 accepted" warning (the bundled MiniLM in the app); loaded only when one of them needs it
     */
    public ReviewViewModel(
            ObservableValue<ReviewSources> sources, TaskExecutor tasks, Supplier<SampleEmbedder> embedder) {
        this.tasks = new ProjectTasks<>(sources, tasks);
        SerialTaskQueue writes = new SerialTaskQueue(tasks, "Saving decisions");
        this.runs = new ProjectRunList(sources.map(ReviewSources::runList), tasks);
        this.loader = new ReviewQueueLoader(this.tasks, writes, Objects.requireNonNull(embedder));
        this.similarity = new SimilarityWarning(tasks, this::failed);
        this.inputs = new CardInputs(this.tasks, this::failed, embedder);
        this.doubtFinder = new LabelDoubtFinder(this.tasks, writes, embedder, message::set);
        this.decisions = new ReviewDecisions(
                this.tasks,
                writes,
                run::get,
                similarity::remember,
                new ReviewDecisions.Shown() {
                    @Override
                    public void showing(ReviewItem card) {
                        inputs.read(run.get(), card);
                        judgement.set(
                                card == null
                                        ? null
                                        : judgements.of(card.sampleId()).orElse(null));
                        doubt.set(card == null ? null : doubtOf(card));
                    }

                    @Override
                    public void shown(ReviewItem card) {
                        similarity.check(card, curation.get().tooSimilar());
                    }
                },
                message::set,
                this::failed);
        this.tasks.onSwitch(now -> {
            // The decisions made in the project being closed go to its file before it closes.
            decisions.flush();
            similarity.forgetRun();
            // The new project's run of the same id is another run: choosing none first reads its queue afresh.
            run.set(null);
            reloadRuns();
        });
        run.addListener((obs, was, now) -> {
            if (was == null || now == null || was.id() != now.id()) {
                similarity.forgetRun();
                reload();
            }
        });
        order.addListener((obs, was, now) -> {
            findDoubtsForOrder = now.byStudent();
            reload();
        });
        filter.addListener((obs, was, now) -> reload());
        curation.addListener((obs, was, now) -> reload());
        reloadRuns();
    }

    // ---- state -------------------------------------------------------------------------------------

    public ObservableList<RunInfo> runs() {
        return runs.runs();
    }

    /** A run as the chooser names it, with the pipeline step it is, e.g. "… · question-answer v1 · step 2 answer …". */
    public String runLabel(RunInfo run) {
        return runs.label(run);
    }

    public ObjectProperty<RunInfo> runProperty() {
        return run;
    }

    public ObjectProperty<QueueOrder> orderProperty() {
        return order;
    }

    public ObjectProperty<QueueFilter> filterProperty() {
        return filter;
    }

    /** The queue's items in order, for table mode; kept in step with every decision. */
    public ObservableList<ReviewItem> items() {
        return decisions.items();
    }

    /** The labels of the run, in the order the keys 1–9 choose them. */
    public ObservableList<String> labels() {
        return labelsView;
    }

    /** The card shown; null when the queue is empty or the researcher went past its end. */
    public ReadOnlyObjectProperty<ReviewItem> currentProperty() {
        return decisions.currentProperty();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return decisions.positionProperty();
    }

    public ReadOnlyIntegerProperty decidedProperty() {
        return decisions.decidedProperty();
    }

    public int size() {
        return decisions.size();
    }

    /** How many samples the queue holds. */
    public ReadOnlyIntegerProperty sizeProperty() {
        return decisions.sizeProperty();
    }

    public ReadOnlyDoubleProperty acceptRateProperty() {
        return decisions.acceptRateProperty();
    }

    /** Decided out of the queue's size, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return decisions.progressProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loader.loadingProperty();
    }

    /** What just happened or went wrong, in a sentence for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The note the next decision on the current card keeps. */
    public StringProperty noteProperty() {
        return decisions.noteProperty();
    }

    /** What the card shown was made from: its record's text and gold label, its demonstrations. */
    public ReadOnlyObjectProperty<SampleInput> inputProperty() {
        return inputs.inputProperty();
    }

    /**
     * The card's whole sample (its rendered prompt and raw output, which the queue does not hold), read in the
     * background with its input; until then the previous card's (or null): the card compares the ids.
     */
    public ReadOnlyObjectProperty<Sample> sampleProperty() {
        return inputs.sampleProperty();
    }

    /** The earlier samples of the card's pipeline chain, read with its input; {@link SampleChain#NONE} without. */
    public ReadOnlyObjectProperty<SampleChain> chainProperty() {
        return inputs.chainProperty();
    }

    /** For a bootstrap round's sample, why it joined its pool or not, read with its input; empty otherwise. */
    public ReadOnlyStringProperty poolVerdictProperty() {
        return inputs.poolProperty();
    }

    public ReadOnlyObjectProperty<PromptMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** What the newest judge run of the run said about the card shown; null when it was not judged. */
    public ReadOnlyObjectProperty<JudgeVerdict> judgementProperty() {
        return judgement.getReadOnlyProperty();
    }

    /**
     * The card's "too similar to accepted" warning, e.g. "too similar to accepted: 0.93 similar to #412,
     * accepted"; empty while none applies or while it is being computed. It is computed in the background after
     * the card shows, so deciding never waits for it, and only the newest card's answer is shown.
     */
    public ReadOnlyStringProperty similarWarningProperty() {
        return similarity.warningProperty();
    }

    /** Whether every decision made so far is on disk. */
    public boolean isSaved() {
        return decisions.isSaved();
    }

    // ---- loading -----------------------------------------------------------------------------------

    /**
     * Picks up the samples of the reviewed run while it is going, and the verdicts of a judge run of it:
     * {@code live} is the progress of the runs going on in this window, by run id (the Runs screen's), changed
     * on the UI thread. The queue is read again at most once a second while samples arrive, and once more when
     * the run stops.
     */
    public void follow(ObservableMap<Long, RunProgress> live) {
        RunFollower.follow(
                live,
                runs::contains,
                // The reviewed run, or a judge run of it, whose cards show its verdicts.
                id -> run.get() != null
                        && (run.get().id() == id
                                || runs.runs().stream()
                                        .anyMatch(r -> r.id() == id
                                                && r.judges(run.get().id()))),
                this::reloadRuns,
                this::reload);
    }

    /** Lists the project's runs again and keeps the chosen one if it is still there. */
    public void reloadRuns() {
        // No run listed (no project open) chooses none, and the run's change empties the queue.
        runs.reload(
                list -> {
                    RunInfo chosen = run.get();
                    run.set(list.stream()
                            .filter(r -> chosen != null && r.id() == chosen.id())
                            .findFirst()
                            .orElse(list.isEmpty() ? null : list.get(0)));
                },
                this::failed);
    }

    /** Shows run {@code runId}'s queue, listing the runs again first: a run opened from the Runs screen. */
    public void open(long runId) {
        runs.reload(
                list -> list.stream().filter(r -> r.id() == runId).findFirst().ifPresent(run::set), this::failed);
    }

    /** Reads the chosen run's queue again, after every write still pending, and goes to where the researcher was. */
    public void reload() {
        RunInfo chosen = run.get();
        if (tasks.open() == null || chosen == null) {
            loader.clear();
            decisions.showNone();
            return;
        }
        loader.load(
                chosen,
                order.get(),
                filter.get(),
                curation.get(),
                loaded -> {
                    flags = loaded.flags();
                    judgements = loaded.judgements();
                    doubts = ProjectStudent.byId(
                            loaded.doubts().stream().filter(LabelDoubt::doubted).toList());
                    labels.setAll(loaded.labels());
                    mode.set(loaded.run().config().mode());
                    similarity.loaded(loaded.queue(), loaded.accepted(), loaded.embedding());
                    decisions.show(loaded.queue());
                    if (order.get().byStudent() && !loaded.doubts().isEmpty()) {
                        findDoubtsForOrder = true;
                    } else if (order.get().byStudent() && findDoubtsForOrder) {
                        // The order needs the doubts of the labels as they are now (a decision since changes them):
                        // they are found, and the queue read again in that order; once, if they do not come.
                        findDoubtsForOrder = false;
                        findLabelDoubts();
                    }
                },
                this::failed);
    }

    // ---- label doubts ------------------------------------------------------------------------------

    /**
     * Finds the label doubts of the run shown in the background (MiniLM embeddings through the project's cache, a
     * 5-fold student), with progress in the message; when they are in, the queue is read again and the doubted
     * samples carry the flag "label doubt". A run without labels is refused with a message saying why.
     */
    public void findLabelDoubts() {
        RunInfo chosen = run.get();
        if (tasks.open() == null || chosen == null) {
            message.set("Choose a run to find its label doubts.");
            return;
        }
        doubtFinder.find(chosen, verdicts -> reload(), this::failed);
    }

    /** Stops finding label doubts; nothing is flagged. */
    public void cancelLabelDoubts() {
        doubtFinder.cancel();
    }

    /** Whether label doubts are being found. */
    public ReadOnlyBooleanProperty findingDoubtsProperty() {
        return doubtFinder.findingProperty();
    }

    /**
     * The student's doubt about the label of the card shown, while the card still has the label doubted; null
     * otherwise (no doubt, or the label was changed since).
     */
    public ReadOnlyObjectProperty<LabelDoubt> doubtProperty() {
        return doubt.getReadOnlyProperty();
    }

    private LabelDoubt doubtOf(ReviewItem card) {
        LabelDoubt d = doubts.get(card.sampleId());
        return d != null && d.label().equals(card.label()) ? d : null;
    }

    // ---- decisions ---------------------------------------------------------------------------------

    public void accept() {
        decisions.accept();
    }

    public void reject() {
        decisions.reject();
    }

    public void skip() {
        decisions.skip();
    }

    /**
     * Chooses label {@code number} (1–9) of the run for the current annotate sample: the model's own label
     * counts as an acceptance, another one as an edit.
     */
    public void chooseLabel(int number) {
        if (mode.get() != PromptMode.ANNOTATE || number < 1 || number > labels.size()) {
            return;
        }
        saveEdit(null, labels.get(number - 1));
    }

    /**
     * Saves the researcher's version of the current sample: a label (annotate) or a text (synthesize).
     * Saving what the model wrote unchanged is an acceptance, since there is no edit to keep.
     */
    public void saveEdit(String text, String label) {
        decisions.saveEdit(text, label);
    }

    /** The text that counts for {@code item}: the researcher's or the model's, or an annotate sample's record text. */
    public String text(ReviewItem item) {
        if (item.text() != null) {
            return item.text();
        }
        String read = decisions.measuredText(item.sampleId());
        return read == null ? "" : read;
    }

    /** Records {@code status} for every sample in {@code sampleIds} as one action that one undo takes back. */
    public void decideAll(List<Long> sampleIds, DecisionStatus status) {
        decisions.decideAll(sampleIds, status, "");
    }

    /** The kinds of curation flag the run's samples carry, for the "reject all flagged by …" choices. */
    public Set<FlagKind> flagKinds() {
        Set<FlagKind> kinds = EnumSet.noneOf(FlagKind.class);
        flags.flags().forEach(flag -> kinds.add(flag.kind()));
        return kinds;
    }

    /**
     * Rejects every sample flagged by {@code kind} and not rejected yet, as one action that one undo takes back;
     * the message then says how many.
     */
    public void rejectAllFlaggedBy(FlagKind kind) {
        List<Long> flagged = toReject(kind);
        if (!flagged.isEmpty()) {
            decisions.decideAll(flagged, DecisionStatus.REJECTED, "flagged by " + kind.title());
        }
    }

    /** How many samples "reject all flagged by {@code kind}" would change: those flagged and not rejected yet. */
    public int rejectableBy(FlagKind kind) {
        return toReject(kind).size();
    }

    private List<Long> toReject(FlagKind kind) {
        List<Long> flagged = new ArrayList<>();
        for (long id : flags.flaggedBy(kind)) {
            boolean rejected = decisions
                    .item(id)
                    .map(ReviewItem::state)
                    .filter(DecisionStatus.REJECTED.id()::equals)
                    .isPresent();
            if (!rejected) {
                flagged.add(id);
            }
        }
        return flagged;
    }

    /** The thresholds of the curation filters; a change flags the run's samples again. */
    public ObjectProperty<CurationSettings> curationProperty() {
        return curation;
    }

    /**
     * Sets the "low judge score" threshold from what the researcher typed: a number, or nothing for the pass mark
     * of the judge's scale. Anything else is refused with a message and leaves the threshold as it was.
     */
    public void minJudgeScore(String typed) {
        String text = typed == null ? "" : typed.strip();
        try {
            curation.set(curation.get()
                    .withMinJudgeScore(text.isEmpty() ? null : TypedNumbers.number("Min judge score", text)));
        } catch (IllegalArgumentException e) {
            Double kept = curation.get().minJudgeScore();
            message.set(e.getMessage() + "; it stays " + (kept == null ? "the judge's pass mark" : kept) + ".");
        }
    }

    /** Sets {@code label} on every sample in {@code sampleIds} as one action (an edit where it differs). */
    public void labelAll(List<Long> sampleIds, String label) {
        decisions.labelAll(sampleIds, label);
    }

    /** Shows the card at {@code index} of the queue (a click in table mode). */
    public void moveTo(int index) {
        decisions.moveTo(index);
    }

    public void undo() {
        decisions.undo();
    }

    public void redo() {
        decisions.redo();
    }

    /** Writes everything still pending now, on the calling thread; for closing the application. */
    public void flush() {
        decisions.flush();
    }

    private void failed(Throwable error) {
        message.set(Problem.firstLine(error));
    }
}
