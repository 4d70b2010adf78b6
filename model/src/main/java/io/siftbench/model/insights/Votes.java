package io.siftbench.model.insights;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the self-consistency votes of one sample say (K votes, c_L of them for label L):
 * <ul>
 *   <li>majority: the label with the most votes, the first one voted on a tie;</li>
 *   <li>agreement = c_majority / K, in (0, 1], 1 when all votes agree;</li>
 *   <li>vote entropy = −Σ_L (c_L / K)·ln(c_L / K), in nats, 0 when all votes agree.</li>
 * </ul>
 */
public final class Votes {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final int total;

    public Votes(List<String> votes) {
        votes.forEach(vote -> counts.merge(vote, 1L, Long::sum));
        total = votes.size();
    }

    public int total() {
        return total;
    }

    public Optional<String> majority() {
        // The strict comparison keeps the earlier label on a tie, so the first label voted wins.
        return counts.entrySet().stream()
                .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
                .map(Map.Entry::getKey);
    }

    /** The majority's share of the votes; 1 when there are no votes (nothing disagrees). */
    public double agreement() {
        return total == 0
                ? 1
                : (double) counts.values().stream()
                                .max(Comparator.naturalOrder())
                                .orElse(0L)
                        / total;
    }

    public double entropy() {
        double entropy = 0;
        for (long count : counts.values()) {
            double share = (double) count / total;
            entropy -= share * Math.log(share);
        }
        return entropy;
    }
}
