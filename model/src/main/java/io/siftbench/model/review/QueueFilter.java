package io.siftbench.model.review;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which samples the review queue holds. An empty set or map lets everything through; otherwise an item
 * passes when it matches one of the states, labels, flags and runs given, and every condition value.
 *
 * @param states     decision status ids or {@value ReviewItem#UNDECIDED}
 * @param conditions condition name → the value it must have
 * @param labels     labels (the one that counts: edited or the model's)
 * @param flags      flags, any of which lets an item through: a flag of its own ({@value ReviewItem#FLAG_FAILED}) or
 *                   a curation filter's by its title ("label doubt" lets "label doubt: student suggests …" through)
 * @param runs       run ids
 */
public record QueueFilter(
        Set<String> states, Map<String, String> conditions, Set<String> labels, Set<String> flags, Set<Long> runs) {

    public static final QueueFilter ALL = new QueueFilter(Set.of(), Map.of(), Set.of(), Set.of(), Set.of());

    public QueueFilter {
        states = Set.copyOf(states);
        conditions = Map.copyOf(conditions);
        labels = Set.copyOf(labels);
        flags = Set.copyOf(flags);
        runs = Set.copyOf(runs);
    }

    public QueueFilter withStates(Set<String> now) {
        return new QueueFilter(now, conditions, labels, flags, runs);
    }

    public QueueFilter withConditions(Map<String, String> now) {
        return new QueueFilter(states, now, labels, flags, runs);
    }

    public QueueFilter withLabels(Set<String> now) {
        return new QueueFilter(states, conditions, now, flags, runs);
    }

    public QueueFilter withFlags(Set<String> now) {
        return new QueueFilter(states, conditions, labels, now, runs);
    }

    public boolean test(ReviewItem item) {
        return test(
                item.state(),
                item.sample().conditions(),
                item.label(),
                item.flags(),
                item.sample().runId());
    }

    /** {@link #test(ReviewItem)} of what a queue keeps of an item. */
    boolean test(String state, Map<String, String> itemConditions, String label, List<String> itemFlags, long run) {
        return (states.isEmpty() || states.contains(state))
                && itemConditions.entrySet().containsAll(conditions.entrySet())
                && (labels.isEmpty() || labels.contains(label))
                && (flags.isEmpty() || itemFlags.stream().anyMatch(this::wanted))
                && (runs.isEmpty() || runs.contains(run));
    }

    private boolean wanted(String flag) {
        int reason = flag.indexOf(": ");
        return flags.contains(flag) || reason > 0 && flags.contains(flag.substring(0, reason));
    }
}
