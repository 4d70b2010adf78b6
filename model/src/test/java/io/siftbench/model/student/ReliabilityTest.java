package io.siftbench.model.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void binsTheConfidencesAndWeighsEachBinsGapByItsShare() {
        Reliability reliability = Reliability.of(
                List.of(0.95, 0.95, 0.85, 0.55, 0.55, 0.15, 1.0),
                List.of(true, false, true, true, false, false, true),
                10);

        assertThat(reliability.items()).isEqualTo(7);
        List<Reliability.Bin> bins = reliability.bins();
        assertThat(bins).hasSize(10);
        assertThat(bins).extracting(Reliability.Bin::count).containsExactly(0, 1, 0, 0, 0, 2, 0, 0, 1, 3);
        // 1.0 falls in the last bin, with the two 0.95s: mean (0.95 + 0.95 + 1) / 3, two of three right.
        assertThat(bins.get(9).meanConfidence()).isCloseTo(2.9 / 3, within(1e-12));
        assertThat(bins.get(9).accuracy()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(bins.get(5).from()).isEqualTo(0.5);
        assertThat(bins.get(5).to()).isEqualTo(0.6);
        assertThat(bins.get(5).accuracy()).isEqualTo(0.5);
        // ECE = 1/7·|0 − 0.15| + 2/7·|0.5 − 0.55| + 1/7·|1 − 0.85| + 3/7·|2/3 − 2.9/3|
        double expected = (0.15 + 2 * 0.05 + 0.15 + 3 * (2.9 / 3 - 2 / 3.0)) / 7;
        assertThat(reliability.expectedCalibrationError()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void perfectCalibrationHasNoError() {
        Reliability reliability = Reliability.of(List.of(1.0, 1.0, 0.0), List.of(true, true, false), 10);

        assertThat(reliability.expectedCalibrationError()).isZero();
    }

    @Test
    void refusesAConfidenceOutsideZeroToOneAndListsOfDifferentLengths() {
        assertThatThrownBy(() -> Reliability.of(List.of(0.5, 1.2), List.of(true, false), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence 1.2 of item 1 is not in [0, 1]");
        assertThatThrownBy(() -> Reliability.of(List.of(0.5), List.of(true, false), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 confidences but 2 right-or-wrong answers");
    }
}
