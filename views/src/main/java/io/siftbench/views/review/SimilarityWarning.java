package io.siftbench.views.review;

import io.siftbench.model.curation.AcceptedSimilarity;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.ReviewItem;
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
 * which follow every decision, in the background after the card shows, so that deciding never waits for it.
 */
final class SimilarityWarning {

    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "similarWarning", "");
    /** Every item of the run, not only the filtered queue's, kept in step with each decision; by sample id. */
    private final Map<Long, ReviewItem> runItems = new LinkedHashMap<>();
    /** The run's answered samples as last loaded (the texts the warning compares), by sample id. */
    private Map<Long, SampleText> measured = Map.of();
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

    /** Takes the run's items and answered samples as just loaded, and its embedder where none is kept yet. */
    void loaded(List<ReviewItem> all, List<SampleText> answered, Supplier<SampleEmbedder> embedding) {
        Map<Long, SampleText> byId = new LinkedHashMap<>();
        answered.forEach(sample -> byId.put(sample.id(), sample));
        measured = byId;
        runItems.clear();
        accepted.clear();
        all.forEach(this::remember);
        if (similarity == null) {
            similarity = new AcceptedSimilarity(embedding);
        }
    }

    /** Keeps {@code decision} as the one that counts for the sample in the run's items and accepted samples. */
    void remember(long sampleId, Decision decision) {
        ReviewItem item = runItems.get(sampleId);
        if (item != null) {
            remember(item.withDecision(decision));
        }
    }

    private void remember(ReviewItem item) {
        runItems.put(item.sampleId(), item);
        SampleText loaded = measured.get(item.sampleId());
        SampleText now = loaded == null ? null : RunSamples.asDecided(loaded, item);
        if (now != null && now.status().kept()) {
            accepted.put(item.sampleId(), now);
        } else {
            accepted.remove(item.sampleId());
        }
    }

    /**
     * Compares {@code item}, the card shown (or null), with the samples accepted by now, in the background: the
     * warning of the previous card goes at once, this card's shows when it is ready; a check overtaken by a newer
     * card stops at its next embedding batch and is never shown.
     */
    void check(ReviewItem item, double threshold) {
        warning.set("");
        SampleText shown = item == null ? null : measured.get(item.sampleId());
        SampleText sample = shown == null ? null : RunSamples.asDecided(shown, item);
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
