package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags the samples whose label the student doubts, with its reason ("student suggests card_arrival (0.81) over
 * card_linking (0.06)"). It computes nothing: the doubts are the run's as computed before for its current labels.
 */
final class LabelDoubtFilter implements SampleRule {

    private final Map<Long, LabelDoubt> doubts;

    LabelDoubtFilter(List<LabelDoubt> verdicts) {
        this.doubts = ProjectStudent.byId(
                verdicts.stream().filter(LabelDoubt::doubted).toList());
    }

    @Override
    public Optional<String> check(SampleText sample) {
        LabelDoubt doubt = doubts.get(sample.id());
        return doubt == null ? Optional.empty() : Optional.of(doubt.reason());
    }

    @Override
    public FlagKind kind() {
        return FlagKind.LABEL_DOUBT;
    }
}
