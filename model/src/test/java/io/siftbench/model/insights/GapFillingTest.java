package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapFillingTest {

    @Test
    void theThinValuesOfOneConditionAreItsCellsEmptyOnesIncluded() {
        // A prompt with one condition, mood: sad has two accepted samples, happy one, odd (switched off) none.
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withConditions(Map.of("mood", "sad")).withStatus(SampleStatus.ACCEPTED),
                SampleText.of(2, "b").withConditions(Map.of("mood", "sad")).withStatus(SampleStatus.ACCEPTED),
                SampleText.of(3, "c").withConditions(Map.of("mood", "happy")).withStatus(SampleStatus.ACCEPTED),
                SampleText.of(4, "d").withConditions(Map.of("mood", "happy")).withStatus(SampleStatus.REJECTED));
        ValueCoverage mood = ConditionCoverage.perValue(samples, Map.of("mood", List.of("sad", "happy", "odd")))
                .get(0);

        assertThat(GapFilling.cells(mood, 1)).containsExactly(Map.of("mood", "odd"));
        assertThat(GapFilling.cells(mood, 2)).containsExactly(Map.of("mood", "happy"), Map.of("mood", "odd"));
        assertThat(GapFilling.cells(mood, 3)).hasSize(3);
        assertThat(mood.emptyValues()).extracting(ValueCount::value).containsExactly("odd");
    }
}
