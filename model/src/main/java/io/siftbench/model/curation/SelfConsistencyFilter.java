package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.Votes;
import java.util.Optional;

/**
 * Flags samples whose self-consistency votes agree less than {@code minAgreement} (the majority's share of the
 * votes, see {@link Votes}). Samples with fewer than two votes are not flagged: there was nothing to agree on.
 */
public record SelfConsistencyFilter(double minAgreement) implements SampleRule {

    @Override
    public Optional<String> check(SampleText sample) {
        Votes votes = new Votes(sample.votes());
        if (votes.total() < 2 || votes.agreement() >= minAgreement) {
            return Optional.empty();
        }
        return Optional.of("votes agree " + Numbers.format(votes.agreement()) + " ("
                + votes.majority().orElseThrow() + " in " + votes.total() + " votes), below "
                + Numbers.format(minAgreement));
    }

    @Override
    public FlagKind kind() {
        return FlagKind.LOW_SELF_CONSISTENCY;
    }
}
