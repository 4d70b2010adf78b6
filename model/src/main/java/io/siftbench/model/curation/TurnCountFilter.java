package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.Optional;
import java.util.Set;

/**
 * Flags the conversations of a dialogue's turn run with fewer than {@code min} or more than {@code max} turns
 * (either bound may be null for none). Every conversation ending in the run has its turn's number of turns; the
 * samples a later turn continued are lines of longer conversations, not conversations, and are never flagged.
 *
 * @param turns     the run's turn number: how many turns a conversation ending in it has
 * @param continued the samples of the run that the next turn continued
 */
public record TurnCountFilter(int turns, Set<Long> continued, Integer min, Integer max) implements SampleRule {

    public TurnCountFilter {
        continued = Set.copyOf(continued);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("turn bounds are crossed: minimum " + min + " > maximum " + max);
        }
    }

    @Override
    public Optional<String> check(SampleText sample) {
        if (continued.contains(sample.id())) {
            return Optional.empty();
        }
        if (min != null && turns < min) {
            return Optional.of(turns + " turns, fewer than the minimum " + min);
        }
        if (max != null && turns > max) {
            return Optional.of(turns + " turns, more than the maximum " + max);
        }
        return Optional.empty();
    }

    @Override
    public FlagKind kind() {
        return FlagKind.TURN_COUNT;
    }
}
