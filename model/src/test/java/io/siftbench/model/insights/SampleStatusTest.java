package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sample's status as Insights shows it: the decision that counts, in Review's words. */
class SampleStatusTest {

    @Test
    void eachDecisionGivesItsOwnStatusAndNoneOrASkipLeavesTheSampleUndecided() {
        assertThat(RunSamples.statusOf(Decision.of(1, DecisionStatus.ACCEPTED, null)))
                .isEqualTo(SampleStatus.ACCEPTED);
        assertThat(RunSamples.statusOf(Decision.edit(1, "mine", null, null))).isEqualTo(SampleStatus.EDITED);
        assertThat(RunSamples.statusOf(Decision.of(1, DecisionStatus.REJECTED, null)))
                .isEqualTo(SampleStatus.REJECTED);
        assertThat(RunSamples.statusOf(Decision.of(1, DecisionStatus.SKIPPED, null)))
                .isEqualTo(SampleStatus.UNDECIDED);
        assertThat(RunSamples.statusOf(null)).isEqualTo(SampleStatus.UNDECIDED);
    }

    @Test
    void theWordsAreReviewsAndAnEditedSampleCountsAsAccepted() {
        assertThat(SampleStatus.UNDECIDED.word()).isEqualTo(ReviewItem.UNDECIDED);
        assertThat(SampleStatus.EDITED.word()).isEqualTo(DecisionStatus.EDITED.id());
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withStatus(SampleStatus.ACCEPTED),
                SampleText.of(2, "b").withStatus(SampleStatus.EDITED),
                SampleText.of(3, "c").withStatus(SampleStatus.REJECTED),
                SampleText.of(4, "d"));
        assertThat(StatusSelection.ACCEPTED.select(samples))
                .extracting(SampleText::id)
                .containsExactly(1L, 2L);
        assertThat(StatusSelection.REJECTED.select(samples))
                .extracting(SampleText::id)
                .containsExactly(3L);
    }
}
