package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.runs.RunStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the newest judge run of a run said about its samples: a verdict per judged sample (replies that were
 * no verdict are left out, so those samples count as not judged).
 *
 * @param judgeRunId the newest judge run of the run, null when it was never judged
 * @param verdicts   the verdicts by judged sample id
 */
public record Judgements(Long judgeRunId, Map<Long, JudgeVerdict> verdicts) {

    /** A run nobody judged. */
    public static final Judgements NONE = new Judgements(null, Map.of());

    public Judgements {
        verdicts = Map.copyOf(verdicts);
    }

    public Optional<JudgeVerdict> of(long sampleId) {
        return Optional.ofNullable(verdicts.get(sampleId));
    }

    /** The scale of the judge run's prompt, read from the stores; empty when the run was never judged. */
    public Optional<JudgeScale> scaleIn(PromptStore prompts, RunStore runs) {
        return Optional.ofNullable(judgeRunId)
                .map(id -> prompts.load(runs.find(id).orElseThrow().config().promptVersionId())
                        .scale());
    }

    /** The samples with their verdicts, for {@link JudgeScoreFilter} and the judge scores of the metrics. */
    public List<SampleText> apply(List<SampleText> samples) {
        return samples.stream()
                .map(s -> of(s.id())
                        .map(v -> s.withJudgement(v.score(), v.reason()))
                        .orElse(s))
                .toList();
    }
}
