package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelDistributionTest {

    @Test
    void labelsAreCountedMostFrequentFirstAndMissingLabelsApart() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withLabel("card_arrival"),
                SampleText.of(2, "b").withLabel("top_up"),
                SampleText.of(3, "c").withLabel("top_up"),
                SampleText.of(4, "d"),
                SampleText.of(5, "e").withLabel("atm"));

        LabelDistribution distribution = LabelDistribution.of(samples);

        assertThat(distribution.labels())
                .containsExactly(
                        new LabelCount("top_up", 2, 0.5),
                        new LabelCount("atm", 1, 0.25),
                        new LabelCount("card_arrival", 1, 0.25));
        assertThat(distribution.unlabelled()).isEqualTo(1);
        assertThat(distribution.count("lost_card")).isZero();
    }
}
