package io.siftbench.views.review;

import io.siftbench.model.project.Project;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.QueueFilter;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.curation.AcceptedSimilarity;
import io.siftbench.model.curation.CurationReport;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.curation.Judgements;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.curation.EmbeddedReviewOrder;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewQueue;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.project.RunFollower;
import io.siftbench.views.task.LatestOnly;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The review screen's state and commands. The whole filtered queue of the chosen run is held in memory,
 * so the next card shows the moment a decision is made; the decision itself is written by a serial
 * background queue, in order, before any later undo, redo or reload touches the project.
 */
public final class ReviewViewModel {

    /**
     * What a queue load brings back from the project: besides the queue, every item of the run (the queue may be
     * filtered) and its answered samples as the metrics see them, for the "too similar to accepted" warning.
     */
    private record Loaded(RunInfo run, ReviewQueue queue, List<String> labels, CurationReport flags,
                          Judgements judgements, List<ReviewItem> all,
                          List<SampleText> measured) {
    }

    private final ReadOnlyObjectProperty<Project> project;
    private final Supplier<SampleEmbedder> embedder;
    private final TaskExecutor tasks;
    private final SerialTaskQueue writes;
    private final ProjectRunList runs;
    private final ObjectProperty<RunInfo> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<QueueOrder> order = new SimpleObjectProperty<>(this, "order", QueueOrder.AS_GENERATED);
    private final ObjectProperty<QueueFilter> filter = new SimpleObjectProperty<>(this, "filter", QueueFilter.ALL);
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    // One read-only view each: every wrapper listens to its list, so a new one per call would pile up listeners.
    private final ObservableList<ReviewItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ObservableList<String> labelsView = FXCollections.unmodifiableObservableList(labels);
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyObjectWrapper<ReviewItem> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyIntegerWrapper decided = new ReadOnlyIntegerWrapper(this, "decided");
    private final ReadOnlyDoubleWrapper acceptRate = new ReadOnlyDoubleWrapper(this, "acceptRate");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyObjectWrapper<PromptMode> mode = new ReadOnlyObjectWrapper<>(this, "mode", PromptMode.ANNOTATE);
    private final ReadOnlyObjectWrapper<JudgeVerdict> judgement = new ReadOnlyObjectWrapper<>(this, "judgement");
    private ReviewQueue queue = new ReviewQueue(List.of(), QueueOrder.AS_GENERATED, 0, QueueFilter.ALL);
    private final ObjectProperty<CurationSettings> curation =
            new SimpleObjectProperty<>(this, "curation", CurationSettings.defaults());
    /** The curation flags of the run as last loaded, for "reject all flagged by …". */
    private CurationReport flags = new CurationReport(List.of());
    /** The verdicts of the newest judge run of the run as last loaded, for the card. */
    private Judgements judgements = Judgements.NONE;
    /** Bumped on every load, so that an answer for an older choice of run, order or filter is dropped. */
    private long generation;
    private final ReadOnlyStringWrapper similarWarning = new ReadOnlyStringWrapper(this, "similarWarning", "");
    /** Every item of the run, not only the filtered queue's, kept in step with each decision; by sample id. */
    private final Map<Long, ReviewItem> runItems = new LinkedHashMap<>();
    /** The run's answered samples as last loaded (the texts the warning compares), by sample id. */
    private Map<Long, SampleText> measured = Map.of();
    /** The run's samples accepted (or edited) by now, as the warning compares them; kept in step with decisions. */
    private final Map<Long, SampleText> accepted = new LinkedHashMap<>();
    /** The warning's embeddings of the chosen run; null until a run is loaded, or without an embedding model. */
    private AcceptedSimilarity similarity;
    /** Checks the card shown, one at a time: deciding fast costs one check running and one waiting at most. */
    private final LatestOnly warnings;

    public ReviewViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks) {
        this(project, tasks, null);
    }

    /**
     * @param embedder gives the samples embeddings for the k-means and vote-k orders (the bundled MiniLM in the
     *                 app); null leaves those orders in generation order
     */
    public ReviewViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks,
                           Supplier<SampleEmbedder> embedder) {
        this.embedder = embedder;
        this.project = project;
        this.tasks = tasks;
        this.writes = new SerialTaskQueue(tasks, "Saving decisions");
        this.warnings = new LatestOnly(tasks, "Comparing with the accepted samples");
        this.runs = new ProjectRunList(project, tasks);
        project.addListener((obs, was, now) -> {
            // The decisions made in the project being closed go to its file before it closes.
            writes.flush();
            similarity = null;
            // The new project's run of the same id is another run: choosing none first reads its queue afresh.
            run.set(null);
            reloadRuns();
        });
        run.addListener((obs, was, now) -> {
            if (was == null || now == null || was.id() != now.id()) {
                similarity = null;
                reload();
            }
        });
        order.addListener((obs, was, now) -> reload());
        filter.addListener((obs, was, now) -> reload());
        curation.addListener((obs, was, now) -> reload());
        reloadRuns();
    }

    // ---- state -------------------------------------------------------------------------------------

    public ObservableList<RunInfo> runs() {
        return runs.runs();
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
        return itemsView;
    }

    /** The labels of the run, in the order the keys 1–9 choose them. */
    public ObservableList<String> labels() {
        return labelsView;
    }

    /** The card shown; null when the queue is empty or the researcher went past its end. */
    public ReadOnlyObjectProperty<ReviewItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty decidedProperty() {
        return decided.getReadOnlyProperty();
    }

    public int size() {
        return queue.size();
    }

    /** How many samples the queue holds. */
    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty acceptRateProperty() {
        return acceptRate.getReadOnlyProperty();
    }

    /** Decided out of the queue's size, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What just happened or went wrong, in a sentence for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The note the next decision on the current card keeps. */
    public StringProperty noteProperty() {
        return note;
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
        return similarWarning.getReadOnlyProperty();
    }

    /** Whether every decision made so far is on disk. */
    public boolean isSaved() {
        return writes.isIdle();
    }

    // ---- loading -----------------------------------------------------------------------------------

    /**
     * Picks up the samples of the reviewed run while it is going, and the verdicts of a judge run of it:
     * {@code live} is the progress of the runs going on in this window, by run id (the Runs screen's), changed
     * on the UI thread. The queue is read again at most once a second while samples arrive, and once more when
     * the run stops.
     */
    public void follow(ObservableMap<Long, RunProgress> live) {
        RunFollower.follow(live, runs::contains,
                id -> run.get() != null && (run.get().id() == id || judges(id, run.get().id())),
                this::reloadRuns, this::reload);
    }

    /** Whether run {@code runId} is a judge run of run {@code judgedId}, whose cards show its verdicts. */
    private boolean judges(long runId, long judgedId) {
        return runs.runs().stream().anyMatch(r -> r.id() == runId && r.config().mode() == PromptMode.JUDGE
                && Objects.equals(RunDetails.fromJson(r.config().details()).judgeOf(), judgedId));
    }

    /** Lists the project's runs again and keeps the chosen one if it is still there. */
    public void reloadRuns() {
        // No run listed (no project open) chooses none, and the run's change empties the queue.
        runs.reload(list -> {
            RunInfo chosen = run.get();
            run.set(list.stream().filter(r -> chosen != null && r.id() == chosen.id()).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, this::failed);
    }

    /** Reads the chosen run's queue again, after every write still pending, and goes to where the researcher was. */
    public void reload() {
        Project open = project.get();
        RunInfo chosen = run.get();
        long asked = ++generation;
        if (open == null || chosen == null) {
            showQueue(new ReviewQueue(List.of(), QueueOrder.AS_GENERATED, 0, QueueFilter.ALL));
            return;
        }
        QueueOrder ordered = order.get();
        QueueFilter filtered = filter.get();
        CurationSettings thresholds = curation.get();
        loading.set(true);
        Supplier<SampleEmbedder> embedding = cachedEmbedder(open);
        writes.submit(() -> {
            // The items are read once; the curation filters and the embedding orders work on the same read.
            RunCuration.Flagged read = new RunCuration(open, thresholds, embedding)
                    .flag(chosen, open.review().items(chosen.id()));
            List<ReviewItem> flagged = read.items();
            List<ReviewItem> all = flagged;
            if (ordered.byEmbedding() && embedding != null) {
                flagged = new EmbeddedReviewOrder(embedding.get()).arrange(flagged, read.set().samples(), ordered,
                        chosen.config().seed());
            }
            ReviewQueue loaded = new ReviewQueue(flagged, ordered, chosen.config().seed(), filtered);
            open.review().position(chosen.id()).ifPresent(loaded::moveToSample);
            return new Loaded(chosen, loaded, open.review().labels(chosen.id()), read.report(), read.judgements(),
                    all, read.set().samples());
        }, loaded -> {
            if (asked == generation) {
                loading.set(false);
                flags = loaded.flags();
                judgements = loaded.judgements();
                labels.setAll(loaded.labels());
                mode.set(loaded.run().config().mode());
                Map<Long, SampleText> byId = new LinkedHashMap<>();
                loaded.measured().forEach(sample -> byId.put(sample.id(), sample));
                measured = byId;
                runItems.clear();
                accepted.clear();
                loaded.all().forEach(this::remember);
                if (similarity == null && embedding != null) {
                    similarity = new AcceptedSimilarity(embedding);
                }
                showQueue(loaded.queue());
            }
        }, error -> {
            loading.set(false);
            failed(error);
        });
    }

    /** The embedder through the project's text-embedding cache; null without an embedding model. */
    private Supplier<SampleEmbedder> cachedEmbedder(Project open) {
        return embedder == null ? null : () -> embedder.get().cachedIn(open.textEmbeddings());
    }

    // ---- decisions ---------------------------------------------------------------------------------

    public void accept() {
        decideCurrent(id -> Decision.of(id, DecisionStatus.ACCEPTED, note()));
    }

    public void reject() {
        decideCurrent(id -> Decision.of(id, DecisionStatus.REJECTED, note()));
    }

    public void skip() {
        decideCurrent(id -> Decision.of(id, DecisionStatus.SKIPPED, note()));
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
        decideCurrent(id -> {
            ReviewItem item = current.get();
            boolean sameText = text == null || text.equals(item.sample().text());
            boolean sameLabel = label == null || label.equals(item.sample().label());
            return sameText && sameLabel ? Decision.of(id, DecisionStatus.ACCEPTED, note())
                    : Decision.edit(id, sameText ? null : text, sameLabel ? null : label, note());
        });
    }

    /** Records {@code status} for every sample in {@code sampleIds} as one action that one undo takes back. */
    public void decideAll(List<Long> sampleIds, DecisionStatus status) {
        record(sampleIds.stream().map(id -> Decision.of(id, status, null)).toList(), false);
    }

    /** The kinds of curation flag the run's samples carry, for the "reject all flagged by …" choices. */
    public Set<FlagKind> flagKinds() {
        Set<FlagKind> kinds = EnumSet.noneOf(FlagKind.class);
        flags.flags().forEach(flag -> kinds.add(flag.kind()));
        return kinds;
    }

    /** Rejects every sample flagged by {@code kind} as one action that one undo takes back. */
    public void rejectAllFlaggedBy(FlagKind kind) {
        List<Long> flagged = new ArrayList<>(flags.flaggedBy(kind));
        if (!flagged.isEmpty()) {
            decideAll(flagged, DecisionStatus.REJECTED);
        }
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
        Double score = null;
        if (!text.isEmpty()) {
            try {
                score = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                score = Double.NaN;
            }
            if (!Double.isFinite(score)) {
                Double kept = curation.get().minJudgeScore();
                message.set("Min judge score: '" + text + "' is not a number; it stays "
                        + (kept == null ? "the judge's pass mark" : kept) + ".");
                return;
            }
        }
        curation.set(curation.get().withMinJudgeScore(score));
    }

    /** Sets {@code label} on every sample in {@code sampleIds} as one action (an edit where it differs). */
    public void labelAll(List<Long> sampleIds, String label) {
        List<Decision> decisions = new ArrayList<>();
        for (long id : sampleIds) {
            queue.indexOf(id).map(queue::get).ifPresent(item -> decisions.add(label.equals(item.sample().label())
                    ? Decision.of(id, DecisionStatus.ACCEPTED, null) : Decision.edit(id, null, label, null)));
        }
        record(decisions, false);
    }

    /** Shows the card at {@code index} of the queue (a click in table mode). */
    public void moveTo(int index) {
        queue.moveTo(index);
        showPosition();
        savePosition();
    }

    public void undo() {
        step(false, writesTo -> writesTo.decisions().undo());
    }

    public void redo() {
        step(true, writesTo -> writesTo.decisions().redo());
    }

    /** Writes everything still pending now, on the calling thread; for closing the application. */
    public void flush() {
        writes.flush();
    }

    private String note() {
        String text = note.get();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void decideCurrent(java.util.function.LongFunction<Decision> decision) {
        ReviewItem item = current.get();
        if (item != null) {
            record(List.of(decision.apply(item.sampleId())), true);
        }
    }

    /** Shows the decisions at once, moves on when deciding card by card, and writes them in the background. */
    private void record(List<Decision> decisions, boolean moveOn) {
        Project open = project.get();
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
        writes.submit(() -> {
            DecisionAction done = open.decisions().decide(decisions);
            at.ifPresent(sample -> open.review().savePosition(chosen.id(), sample));
            return done;
            // The queue shows these decisions already; going over thousands of rows again would cost frames.
        }, done -> { }, this::failed);
    }

    /** Undoes ({@code redo} false) or redoes the newest action in the project's history, after pending writes. */
    private void step(boolean redo, ProjectStep action) {
        Project open = project.get();
        if (open == null) {
            return;
        }
        writes.submit(() -> action.apply(open), stepped -> {
            if (stepped.isEmpty()) {
                message.set(redo ? "Nothing to redo." : "Nothing to undo.");
                return;
            }
            DecisionAction a = stepped.get();
            for (int i = 0; i < a.decisions().size(); i++) {
                long sample = a.decisions().get(i).sampleId();
                Decision now = a.current().get(i);
                remember(sample, now);
                queue.update(sample, now);
                queue.indexOf(sample).ifPresent(index -> items.set(index, queue.get(index)));
            }
            // Undo goes back to the card it took back; redo goes on past it, as deciding did.
            Optional<Integer> first = a.sampleIds().stream().map(queue::indexOf).flatMap(Optional::stream).findFirst();
            first.ifPresent(index -> queue.moveTo(redo && a.decisions().size() == 1 ? index + 1 : index));
            message.set((redo ? "Redid " : "Undid ") + (a.decisions().size() == 1 ? "a decision" : a.decisions().size() + " decisions")
                    + (first.isEmpty() ? " in another run." : "."));
            showPosition();
            savePosition();
        }, this::failed);
    }

    @FunctionalInterface
    private interface ProjectStep {
        Optional<DecisionAction> apply(Project project);
    }

    private void savePosition() {
        Project open = project.get();
        RunInfo chosen = run.get();
        Optional<Long> at = positionSample();
        if (open != null && chosen != null && at.isPresent()) {
            writes.submit(() -> {
                open.review().savePosition(chosen.id(), at.get());
                return null;
            }, nothing -> { }, this::failed);
        }
    }

    /** The sample the researcher is at; past the end, the last one, so that a restart shows the end again. */
    private Optional<Long> positionSample() {
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queue.get(Math.min(queue.position(), queue.size() - 1)).sampleId());
    }

    private void show(Decision decision) {
        if (decision == null) {
            return;
        }
        remember(decision.sampleId(), decision);
        queue.update(decision.sampleId(), decision);
        queue.indexOf(decision.sampleId()).ifPresent(index -> items.set(index, queue.get(index)));
    }

    private void showQueue(ReviewQueue loaded) {
        queue = loaded;
        items.setAll(loaded.items());
        showPosition();
    }

    private void showPosition() {
        size.set(queue.size());
        position.set(queue.position());
        ReviewItem now = queue.current().orElse(null);
        // Set before the card, so that a card shown for a new sample finds its verdict already there.
        judgement.set(now == null ? null : judgements.of(now.sampleId()).orElse(null));
        if (!Objects.equals(now, current.get())) {
            current.set(now);
        }
        decided.set(queue.decided());
        acceptRate.set(queue.acceptRate());
        progress.set(queue.isEmpty() ? 0 : (double) queue.decided() / queue.size());
        checkSimilarToAccepted();
    }

    /** Keeps {@code decision} as the one that counts for the sample in the run's items and accepted samples. */
    private void remember(long sampleId, Decision decision) {
        ReviewItem item = runItems.get(sampleId);
        if (item != null) {
            remember(item.withDecision(decision));
        }
    }

    private void remember(ReviewItem item) {
        runItems.put(item.sampleId(), item);
        SampleText loaded = measured.get(item.sampleId());
        SampleText now = loaded == null ? null : RunSamples.asDecided(loaded, item);
        if (now != null && now.status() == SampleStatus.ACCEPTED) {
            accepted.put(item.sampleId(), now);
        } else {
            accepted.remove(item.sampleId());
        }
    }

    /**
     * Compares the card shown with the samples accepted by now, in the background: the warning of the previous
     * card goes at once, this card's shows when it is ready; a check overtaken by a newer card stops at its next
     * embedding batch and is never shown.
     */
    private void checkSimilarToAccepted() {
        similarWarning.set("");
        ReviewItem item = current.get();
        SampleText shown = item == null ? null : measured.get(item.sampleId());
        SampleText sample = shown == null ? null : RunSamples.asDecided(shown, item);
        if (similarity == null || sample == null || sample.status() == SampleStatus.ACCEPTED || accepted.isEmpty()) {
            warnings.clear();
            return;
        }
        AcceptedSimilarity checking = similarity;
        List<SampleText> against = List.copyOf(accepted.values());
        double threshold = curation.get().tooSimilar();
        warnings.request(superseded -> checking.warning(sample, against, threshold, (done, total, step) -> {
            if (superseded.getAsBoolean()) {
                throw new CancellationException("another card is shown");
            }
        }), flag -> similarWarning.set(flag.map(RunCuration::describe).orElse("")), this::failed);
    }

    private void failed(Throwable error) {
        String why = error.getMessage() == null ? error.toString() : error.getMessage();
        message.set(why.lines().findFirst().orElse(why));
    }
}
