package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricSliceTest {

    @Test
    void theCommandLinesConditionValueIsSplitAtTheFirstEqualsSign() {
        assertThat(MetricSlice.of(true, "tone=angry=very")).isEqualTo(new MetricSlice(true, "tone", "angry=very"));
        assertThat(MetricSlice.of(false, "tone=")).isEqualTo(MetricSlice.condition("tone", ""));
        assertThat(MetricSlice.of(false, null)).isEqualTo(MetricSlice.RUN);
        assertThat(MetricSlice.of(true, null)).isEqualTo(MetricSlice.PROMPT_VERSION);
        assertThatThrownBy(() -> MetricSlice.of(false, "=angry"))
                .hasMessage("A condition value is given as NAME=VALUE, e.g. tone=angry; got '=angry'.");
        assertThatThrownBy(() -> MetricSlice.of(false, "angry")).hasMessageContaining("got 'angry'");
    }
}
