package io.siftbench.model.runs;

import io.siftbench.model.curation.Judgements;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The samples of a project's runs. Every sample is committed the moment it is added. */
public interface SampleStore {

    /**
     * The keys of the slots of {@code runId} that have a sample which needs no second try (failed requests
     * do not count, so that a resumed run tries them again).
     */
    Set<String> doneSlotKeys(long runId);

    /**
     * Commits {@code sample} at once and returns it with its id. A failed sample stored earlier for the same
     * slot is replaced; a slot never holds two samples.
     */
    Sample add(Sample sample);

    /**
     * Commits {@code samples} together, each as {@link #add} would, and returns them with their ids: all are stored
     * or, on a failure, none. For work that has many samples at once (a batch file's answers).
     */
    List<Sample> addAll(List<Sample> samples);

    /** The samples of {@code runId} in the run's order. */
    List<Sample> list(long runId, int offset, int limit);

    /**
     * Hands the samples of {@code runId} to {@code page} in the run's order, at most {@code size} at a time: a run of
     * any size is read in bounded memory. Each page is its own query, continuing after the last sample handed on
     * (not by offset, which would read the run again for every page).
     */
    void forEachPage(long runId, int size, Consumer<List<Sample>> page);

    long count(long runId);

    Optional<Sample> find(long sampleId);

    /** What each endpoint that answered {@code runId} (or failed it) did, by endpoint; none for runs before endpoints. */
    List<EndpointFigures> endpointFigures(long runId);

    /**
     * The verdicts of the newest judge run of {@code runId}: the newest run with a sample that judges one of
     * {@code runId}'s samples.
     */
    Judgements judgements(long runId);
}
