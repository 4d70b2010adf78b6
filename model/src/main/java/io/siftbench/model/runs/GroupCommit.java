package io.siftbench.model.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * Commits the samples a run's workers hand in at about the same time in one transaction (group commit). A commit
 * costs far more than the insert it makes durable (H2 writes the changed pages of the sample table and each of its
 * indexes), and it is CPU that a local model on the same machine needs. Nothing is lost by sharing it: each worker
 * returns only once its own sample is on disk, so a sample is still counted and shown only after its commit. A
 * worker alone commits alone at once; while one commit is being written, the samples that arrive meanwhile wait for
 * it and go together in the next.
 */
final class GroupCommit {

    private final SampleStore samples;
    private final Object lock = new Object();
    private List<Handed> waiting = new ArrayList<>();
    private boolean committing;

    GroupCommit(SampleStore samples) {
        this.samples = samples;
    }

    /** One worker's sample on its way to the store, and what became of it. */
    private static final class Handed {
        private final Sample sample;
        private Sample stored;
        private RuntimeException failure;
        private boolean done;

        Handed(Sample sample) {
            this.sample = sample;
        }
    }

    /**
     * Commits {@code sample}, with any others handed in meanwhile, and returns it as stored.
     *
     * @throws RuntimeException what storing failed with; every sample of that group shares it, none of them stored
     */
    Sample add(Sample sample) {
        Handed mine = new Handed(sample);
        List<Handed> group;
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(mine);
            // Waited out even when interrupted: the sample is already queued and will be committed, and a commit
            // takes milliseconds; the interrupt is kept for the worker to see next.
            while (committing && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (!mine.done) {
                committing = true;
                group = waiting;
                waiting = new ArrayList<>();
            } else {
                group = null;
            }
        }
        if (group != null) {
            commit(group);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.stored;
    }

    private void commit(List<Handed> group) {
        List<Sample> stored = null;
        // What the group is told if storing dies of an Error, which goes on up the committing worker.
        RuntimeException failure = new IllegalStateException("The samples of this commit were not stored.");
        try {
            stored = samples.addAll(group.stream().map(h -> h.sample).toList());
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (lock) {
                for (int i = 0; i < group.size(); i++) {
                    Handed handed = group.get(i);
                    handed.stored = stored == null ? null : stored.get(i);
                    handed.failure = failure;
                    handed.done = true;
                }
                committing = false;
                lock.notifyAll();
            }
        }
    }
}
