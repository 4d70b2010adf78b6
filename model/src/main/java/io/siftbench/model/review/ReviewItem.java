package io.siftbench.model.review;

import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample in the review queue with the decision that counts for it (null while undecided) and its
 * flags: why it may need a closer look ({@code failed}, {@code invalid}, and whatever curation filters add).
 */
public record ReviewItem(Sample sample, Decision decision, List<String> flags) {

    public static final String UNDECIDED = "undecided";
    public static final String FLAG_FAILED = "failed";
    public static final String FLAG_INVALID = "invalid";

    public ReviewItem {
        flags = List.copyOf(flags);
    }

    /** The item with the flags a sample carries by itself. */
    public static ReviewItem of(Sample sample, Decision decision) {
        List<String> flags = new ArrayList<>();
        if (sample.failed()) {
            flags.add(FLAG_FAILED);
        } else if (!sample.valid()) {
            flags.add(FLAG_INVALID);
        }
        return new ReviewItem(sample, decision, flags);
    }

    public long sampleId() {
        return sample.id();
    }

    public ReviewItem withDecision(Decision now) {
        return new ReviewItem(sample, now, flags);
    }

    /** The status as shown and filtered: a decision status id, or {@value #UNDECIDED}. */
    public String state() {
        return decision == null ? UNDECIDED : decision.status().id();
    }

    /** The label that counts: the researcher's when edited, else the model's. */
    public String label() {
        return decision != null && decision.editedLabel() != null ? decision.editedLabel() : sample.label();
    }

    /** The text that counts: the researcher's when edited, else the model's. */
    public String text() {
        return decision != null && decision.editedText() != null ? decision.editedText() : sample.text();
    }

    /**
     * The Shannon entropy (bits) of the labels the votes gave: 0 when all agree or no votes were taken.
     * High entropy means the model could not make up its mind, which is where review pays off most.
     */
    public double voteEntropy() {
        List<String> votes = sample.votes();
        if (votes.size() < 2) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        votes.forEach(v -> counts.merge(v, 1, Integer::sum));
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / votes.size();
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }
}
