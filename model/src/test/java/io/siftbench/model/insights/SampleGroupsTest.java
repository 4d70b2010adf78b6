package io.siftbench.model.insights;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleGroupsTest {

    @Test
    void samplesAreGroupedByConditionValueInOrderOfFirstAppearance() {
        List<SampleText> samples = List.of(SampleText.of(1, "a").withConditions(Map.of("tone", "polite")),
                SampleText.of(2, "b").withConditions(Map.of("tone", "angry")),
                SampleText.of(3, "c").withConditions(Map.of("length", "short")),
                SampleText.of(4, "d").withConditions(Map.of("tone", "polite")));

        Map<String, List<SampleText>> groups = SampleGroups.byCondition(samples, "tone");

        assertThat(groups.keySet()).containsExactly("polite", "angry");
        assertThat(groups.get("polite")).extracting(SampleText::id).containsExactly(1L, 4L);
    }
}
