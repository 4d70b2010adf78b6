package io.siftbench.model.runs;

import io.siftbench.model.prompts.PromptMode;
import java.time.Instant;

/**
 * A run as listed: its configuration, where it stands and how many samples (and failures) it has.
 *
 * @param lastAnswered the id of its newest answered (not failed) sample, null when it has none: what a judge
 *                     run of it judges up to
 */
public record RunInfo(
        long id,
        String promptName,
        int promptVersion,
        RunConfig config,
        RunStatus status,
        long samples,
        long failures,
        Instant createdAt,
        Instant finishedAt,
        Long lastAnswered) {

    /** Whether this is a judge run of run {@code judgedId}. */
    public boolean judges(long judgedId) {
        return config.mode() == io.siftbench.model.prompts.PromptMode.JUDGE
                && java.util.Objects.equals(
                        RunDetails.fromJson(config.details()).judgeOf(), judgedId);
    }

    /** How many of its samples have an answer to judge: every sample but the failed requests. */
    public long answered() {
        return samples - failures;
    }

    /** Whether a judge may score its samples: annotated or synthesized ones, not another judge's verdicts. */
    public boolean judgeable() {
        return config.mode() != PromptMode.JUDGE;
    }
}
