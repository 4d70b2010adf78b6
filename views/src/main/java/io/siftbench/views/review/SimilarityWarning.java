package io.siftbench.views.review;

import io.siftbench.model.curation.AcceptedSimilarity;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewQueue;
import io.siftbench.views.task.LatestOnly;
import io.siftbench.views.task.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The card's "too similar to accepted" warning: the card shown compared with the run's samples accepted by now,
 * which follow every decision (only those are held: their texts and the card's come from the queue), in the background after the card shows, so that deciding never waits for it.
 */
final class SimilarityWarning {

    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "similarWarning", "");
    /** The queue shown, whose texts the warning compares: every sample of the run read, in the queue or not. */
    private ReviewQueue queue;
    /** The run's samples accepted (or edited) by now, as the warning compares them; kept in step with decisions. */
    private final Map<Long, SampleText> accepted = new LinkedHashMap<>();
    /** The warning's embeddings of the chosen run; null until a run is loaded. */
    private AcceptedSimilarity similarity;
    /** Checks the card shown, one at a time: deciding fast costs one check running and one waiting at most. */
    private final LatestOnly checks;

    private final Consumer<Throwable> failed;

    SimilarityWarning(TaskExecutor tasks, Consumer<Throwable> failed) {
        this.checks = new LatestOnly(tasks, "Comparing with the accepted samples");
        this.failed = failed;
    }

    /** E.g. "too similar to accepted: 0.93 similar to #412, accepted"; empty while none applies or is computed. */
    ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Another run is chosen (or another project opened): the embeddings kept are another run's. */
    void forgetRun() {
        similarity = null;
    }

    /**
     * Takes the queue just loaded, the run's samples accepted by then (in the queue or not), and its embedder
     * where none is kept yet.
     */
    void loaded(ReviewQueue shown, List<SampleText> acceptedNow, Supplier<SampleEmbedder> embedding) {
        queue = shown;
        accepted.clear();
        acceptedNow.forEach(sample -> accepted.put(sample.id(), sample));
        if (similarity == null) {
            similarity = new AcceptedSimilarity(embedding);
        }
    }

    /** Keeps {@code decision} as the one that counts for the sample among the accepted samples. */
    void remember(long sampleId, Decision decision) {
        SampleText now = measured(sampleId, decision);
        if (now != null && now.status().kept()) {
            accepted.put(sampleId, now);
        } else {
            accepted.remove(sampleId);
        }
    }

    /** The sample as the warning compares it under {@code decision}: its edited text, or the one the queue read. */
    private SampleText measured(long sampleId, Decision decision) {
        String text = queue == null ? null : queue.measuredText(sampleId);
        if (text == null) {
            // Failed, or not read with the queue: nothing to compare.
            return null;
        }
        return RunSamples.asDecided(SampleText.of(sampleId, text), decision);
    }

    /**
     * Compares {@code item}, the card shown (or null), with the samples accepted by now, in the background: the
     * warning of the previous card goes at once, this card's shows when it is ready; a check overtaken by a newer
     * card stops at its next embedding batch and is never shown.
     */
    void check(ReviewItem item, double threshold) {
        warning.set("");
        SampleText sample = item == null ? null : measured(item.sampleId(), item.decision());
        if (similarity == null || sample == null || sample.status().kept() || accepted.isEmpty()) {
            checks.clear();
            return;
        }
        AcceptedSimilarity checking = similarity;
        List<SampleText> against = List.copyOf(accepted.values());
        checks.request(
                superseded -> checking.warning(sample, against, threshold, (done, total, step) -> {
                    if (superseded.getAsBoolean()) {
                        throw new CancellationException("another card is shown");
                    }
                }),
                flag -> warning.set(flag.map(RunCuration::describe).orElse("")),
                failed);
    }
}
