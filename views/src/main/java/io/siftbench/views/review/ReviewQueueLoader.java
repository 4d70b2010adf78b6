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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * What a queue load brings back from the project: besides the queue, the run's samples accepted by now (the
     * queue may be filtered) as the metrics see them, for the "too similar to accepted" warning, and the embedder it
     * used, through the project's cache; and the student's verdicts on the labels, where computed for the labels as
     * they are (empty where not).
     */
    record Loaded(
            RunInfo run,
            ReviewQueue queue,
            List<String> labels,
            CurationReport flags,
            Judgements judgements,
            List<LabelDoubt> doubts,
            List<SampleText> accepted,
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
                    // The items are read once, page by page: the queue keeps a small entry of each and its text in
                    // a file (the card reads its whole sample by id), and the curation filters keep what they need.
                    if (ordered.byEmbedding()) {
                        RunCuration.refuseEmbeddingAbove(chosen.samples(), ordered.title(), "choose another order");
                    }
                    RunCuration.Pass flagging =
                            new RunCuration(open.runSources(), open.decisions(), thresholds, embedding).pass(chosen);
                    ReviewQueue.Builder read =
                            new ReviewQueue.Builder((int) Math.min(chosen.samples(), Integer.MAX_VALUE));
                    List<SampleText> accepted = new ArrayList<>();
                    List<SampleText> forOrder = new ArrayList<>();
                    open.review().forEachPage(chosen.id(), PAGE, page -> {
                        Map<Long, SampleText> measured = new HashMap<>();
                        flagging.add(page, (item, sample) -> {
                            measured.put(item.sampleId(), sample);
                            if (sample.status().kept()) {
                                accepted.add(sample);
                            }
                            if (ordered.byEmbedding()) {
                                forOrder.add(sample);
                                // A run still going has more than its count said when the read began.
                                RunCuration.refuseEmbeddingAbove(
                                        forOrder.size(), ordered.title(), "choose another order");
                            }
                        });
                        for (ReviewItem item : page) {
                            SampleText sample = measured.get(item.sampleId());
                            read.add(item, sample == null ? null : sample.text());
                        }
                    });
                    RunCuration.Raised raised = flagging.end();
                    read.flag(RunCuration.bySample(raised.report()));
                    if (ordered.byEmbedding()) {
                        read.arrange(new EmbeddedReviewOrder(embedding.get())
                                .arrange(
                                        read.items(),
                                        forOrder,
                                        ordered,
                                        chosen.config().seed()));
                    } else if (ordered.byStudent() && !raised.doubts().isEmpty()) {
                        read.arrange(DoubtfulFirstOrder.arrange(read.items(), raised.doubts()));
                    }
                    ReviewQueue queue = read.build(ordered, chosen.config().seed(), filtered);
                    open.review().position(chosen.id()).ifPresent(queue::moveToSample);
                    return new Loaded(
                            chosen,
                            queue,
                            open.review().labels(chosen.id()),
                            raised.report(),
                            raised.judgements(),
                            raised.doubts(),
                            accepted,
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
