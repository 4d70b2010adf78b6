package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.Optional;

/**
 * Flags judged samples whose LLM-as-judge score is below {@code minScore} (for pass/fail judges, pass = 1 and
 * fail = 0 with a minimum of 1). Samples the judge has not scored are not flagged.
 */
public record JudgeScoreFilter(double minScore) implements SampleRule {

    @Override
    public Optional<String> check(SampleText sample) {
        if (sample.judgeScore() == null || sample.judgeScore() >= minScore) {
            return Optional.empty();
        }
        String reason =
                sample.judgeReason() == null || sample.judgeReason().isBlank() ? "" : ": " + sample.judgeReason();
        return Optional.of(
                "judge score " + Numbers.format(sample.judgeScore()) + " below " + Numbers.format(minScore) + reason);
    }

    @Override
    public FlagKind kind() {
        return FlagKind.LOW_JUDGE_SCORE;
    }
}
