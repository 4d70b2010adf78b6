package io.siftbench.views.review;

import io.siftbench.model.insights.RunSources;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.pipelines.BootstrapRounds;
import io.siftbench.model.pipelines.PoolGrowth;
import io.siftbench.model.pipelines.SampleChain;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.SampleInput;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The input of the card shown, read in the background as each card shows: the whole sample (the queue holds it
 * without its prompt and raw output), the record's text and gold label, the demonstrations with their text and label,
 * and the earlier samples of its pipeline chain. Only the newest card's input reaches the screen.
 */
final class CardInputs {

    /**
     * What one read finds: the whole sample, its input, its chain and, for a bootstrap round's sample, the pool's
     * verdict.
     */
    private record Read(Sample sample, SampleInput input, SampleChain chain, String pool) {}

    private final ProjectTasks<ReviewSources> tasks;
    private final ProjectTasks<ReviewSources>.Latest reads;
    private final Consumer<Throwable> failed;
    private final Supplier<SampleEmbedder> embedder;
    private final ReadOnlyObjectWrapper<SampleInput> input =
            new ReadOnlyObjectWrapper<>(this, "input", SampleInput.NONE);
    private final ReadOnlyObjectWrapper<SampleChain> chain =
            new ReadOnlyObjectWrapper<>(this, "chain", SampleChain.NONE);
    private final ReadOnlyStringWrapper pool = new ReadOnlyStringWrapper(this, "pool", "");
    private final ReadOnlyObjectWrapper<Sample> sample = new ReadOnlyObjectWrapper<>(this, "sample");

    /** @param embedder embeds the texts of a bootstrap that compares by embedding, for its verdict line */
    CardInputs(ProjectTasks<ReviewSources> tasks, Consumer<Throwable> failed, Supplier<SampleEmbedder> embedder) {
        this.embedder = embedder;
        this.tasks = tasks;
        this.reads = tasks.latest();
        this.failed = failed;
    }

    /** The input of the card shown; {@link SampleInput#NONE} until it is read, or with no card. */
    ReadOnlyObjectProperty<SampleInput> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** The earlier samples of the card's pipeline chain; {@link SampleChain#NONE} until read, or without one. */
    ReadOnlyObjectProperty<SampleChain> chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /**
     * What became of the card's sample in its bootstrap step's pool ("Pool: too similar to pool (ROUGE-L 0.82); …");
     * empty for other samples and until read.
     */
    ReadOnlyStringProperty poolProperty() {
        return pool.getReadOnlyProperty();
    }

    /**
     * The card's whole sample, with its prompt and raw output, once read; until then the one of the card before (or
     * null), so that a key does not empty what the card shows: compare its id with the card's.
     */
    ReadOnlyObjectProperty<Sample> sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    void read(RunInfo run, ReviewItem card) {
        input.set(SampleInput.NONE);
        chain.set(SampleChain.NONE);
        pool.set("");
        ReviewSources open = tasks.open();
        if (run == null || card == null || open == null) {
            reads.clear();
            return;
        }
        RunSources from = open.runSources();
        reads.execute(BackgroundTask.of("Reading the sample's record", p -> {
                    // The queue's sample carries what its orders and filters need; its record, parent and
                    // round are the whole sample's.
                    Sample whole = from.samples().find(card.sampleId()).orElse(card.sample());
                    return new Read(
                            whole,
                            SampleInput.read(from.datasets(), from.prompts(), run, whole),
                            SampleChain.read(from.samples(), from.runs(), from.pipelines(), run, whole),
                            BootstrapRounds.of(from, embedder)
                                    .verdict(run, whole)
                                    .map(PoolGrowth.Candidate::described)
                                    .orElse(""));
                })
                .quiet()
                .onSuccess(read -> {
                    input.set(read.input());
                    chain.set(read.chain());
                    pool.set(read.pool());
                    sample.set(read.sample());
                })
                .onFailure(failed));
    }
}
