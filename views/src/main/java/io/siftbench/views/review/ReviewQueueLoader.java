package io.siftbench.views.review;

import io.siftbench.model.curation.CurationReport;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.DoubtfulFirstOrder;
import io.siftbench.model.curation.EmbeddedReviewOrder;
import io.siftbench.model.curation.Judgements;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.review.QueueFilter;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewQueue;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Reads the review queue of a run: its items flagged by the curation filters, in the order chosen (the embedding
 * orders through the project's text-embedding cache, "most doubtful first" by the label doubts computed before), at the position the researcher left it. The read waits for
 * every decision still being written, so that it sees them; only the newest read asked for is handed over.
 */
final class ReviewQueueLoader {

    /** The items read from the project at a time. */
    private static final int PAGE = 1_000;

    /**
     * What a queue load brings back from the project: besides the queue, every item of the run (the queue may be
     * filtered) and its answered samples as the metrics see them, for the "too similar to accepted" warning, and
     * the embedder it used, through the project's cache; and the student's verdicts on the labels, where computed
     * for the labels as they are (empty where not).
     */
    record Loaded(
            RunInfo run,
            ReviewQueue queue,
            List<String> labels,
            CurationReport flags,
            Judgements judgements,
            List<LabelDoubt> doubts,
            List<ReviewItem> all,
            List<SampleText> measured,
            Supplier<SampleEmbedder> embedding) {}

    private final ProjectTasks<ReviewSources> tasks;
    private final ProjectTasks<ReviewSources>.Latest loads;
    private final SerialTaskQueue writes;
    private final Supplier<SampleEmbedder> embedder;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    /** @param writes the queue the decisions are written through; a read goes after them */
    ReviewQueueLoader(ProjectTasks<ReviewSources> tasks, SerialTaskQueue writes, Supplier<SampleEmbedder> embedder) {
        this.tasks = tasks;
        this.loads = tasks.latest();
        this.writes = writes;
        this.embedder = embedder;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Drops the read on its way: what it would show is not wanted any more. */
    void clear() {
        loads.clear();
    }

    /** Reads the queue of {@code chosen} in the open project, after every write still pending. */
    void load(
            RunInfo chosen,
            QueueOrder ordered,
            QueueFilter filtered,
            CurationSettings thresholds,
            Consumer<Loaded> loaded,
            Consumer<Throwable> failed) {
        ReviewSources open = tasks.open();
        loading.set(true);
        Supplier<SampleEmbedder> embedding =
                () -> embedder.get().cachedIn(open.runSources().textEmbeddings());
        writes.submit(
                () -> {
                    // The items are read once, page by page, each kept without its prompt (the card reads its whole
                    // sample by id); the curation filters and the embedding orders work on the same read.
                    List<ReviewItem> items = new ArrayList<>();
                    open.review()
                            .forEachPage(
                                    chosen.id(), PAGE, page -> page.forEach(item -> items.add(item.withoutPrompt())));
                    RunCuration.Flagged read = new RunCuration(
                                    open.runSources(), open.decisions(), thresholds, embedding)
                            .flag(chosen, items);
                    List<ReviewItem> flagged = read.items();
                    List<ReviewItem> all = flagged;
                    if (ordered.byEmbedding()) {
                        flagged = new EmbeddedReviewOrder(embedding.get())
                                .arrange(
                                        flagged,
                                        read.set().samples(),
                                        ordered,
                                        chosen.config().seed());
                    } else if (ordered.byStudent() && !read.doubts().isEmpty()) {
                        flagged = DoubtfulFirstOrder.arrange(flagged, read.doubts());
                    }
                    ReviewQueue queue =
                            new ReviewQueue(flagged, ordered, chosen.config().seed(), filtered);
                    open.review().position(chosen.id()).ifPresent(queue::moveToSample);
                    return new Loaded(
                            chosen,
                            queue,
                            open.review().labels(chosen.id()),
                            read.report(),
                            read.judgements(),
                            read.doubts(),
                            all,
                            read.set().samples(),
                            embedding);
                },
                loads.whileNewest(read -> {
                    loading.set(false);
                    loaded.accept(read);
                }),
                error -> {
                    loading.set(false);
                    failed.accept(error);
                });
    }
}
