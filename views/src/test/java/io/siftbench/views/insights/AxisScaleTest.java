package io.siftbench.views.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The ticks of the Insights charts' number axes: whole steps of 1, 2 or 5, labelled without rounding noise. */
class AxisScaleTest {

    @Test
    void countsUpToTwelveGoInTwos() {
        assertThat(AxisScale.covering(0, 12)).isEqualTo(new AxisScale(0, 12, 2));
    }

    @Test
    void countsUpToFortyGoInFivesAndUpToAHundredInTwenties() {
        assertThat(AxisScale.covering(0, 40)).isEqualTo(new AxisScale(0, 40, 5));
        assertThat(AxisScale.covering(0, 100)).isEqualTo(new AxisScale(0, 100, 20));
    }

    @Test
    void theAxisWidensToWholeTicksBeyondTheRange() {
        AxisScale scale = AxisScale.covering(-0.33, 0.41);
        assertThat(scale.tick()).isCloseTo(0.1, within(1e-12));
        assertThat(scale.lower()).isCloseTo(-0.4, within(1e-12)).isLessThanOrEqualTo(-0.33);
        assertThat(scale.upper()).isCloseTo(0.5, within(1e-12)).isGreaterThanOrEqualTo(0.41);
    }

    @Test
    void ticksShowAsManyDecimalsAsTheStepWithoutSumsOrNegativeZero() {
        AxisScale tenths = AxisScale.covering(-0.33, 0.41);
        assertThat(tenths.label(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(tenths.label(-0.0)).isEqualTo("0.0");
        assertThat(tenths.label(-0.4)).isEqualTo("-0.4");
        assertThat(AxisScale.covering(0, 12).label(4.0)).isEqualTo("4");
        assertThat(AxisScale.covering(0, 0.15).label(0.06)).isEqualTo("0.06");
    }
}
