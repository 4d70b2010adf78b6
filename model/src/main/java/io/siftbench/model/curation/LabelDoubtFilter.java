package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import java.util.List;
import java.util.Map;

/**
 * Flags the samples whose label the student doubts, with its reason ("student suggests card_arrival (0.81) over
 * card_linking (0.06)"). It computes nothing: the doubts are the run's as computed before for its current labels.
 */
final class LabelDoubtFilter implements CurationFilter {

    private final Map<Long, LabelDoubt> doubts;

    LabelDoubtFilter(List<LabelDoubt> verdicts) {
        this.doubts = ProjectStudent.byId(
                verdicts.stream().filter(LabelDoubt::doubted).toList());
    }

    @Override
    public List<Flag> flag(List<SampleText> samples) {
        return samples.stream()
                .filter(s -> doubts.containsKey(s.id()))
                .map(s -> new Flag(
                        s.id(), FlagKind.LABEL_DOUBT, doubts.get(s.id()).reason()))
                .toList();
    }
}
