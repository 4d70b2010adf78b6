package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionCoverageTest {

    private static final List<String> TONES = List.of("angry", "polite", "neutral");
    private static final List<String> LENGTHS = List.of("short", "long");

    /** A balanced plan: every tone × length combination twice; the first of each pair accepted. */
    private static List<SampleText> balancedSamples() {
        List<SampleText> samples = new ArrayList<>();
        long id = 1;
        for (int round = 0; round < 2; round++) {
            for (String tone : TONES) {
                for (String length : LENGTHS) {
                    samples.add(SampleText.of(id++, tone + " " + length)
                            .withConditions(Map.of("tone", tone, "length", length, "audience", "adults"))
                            .withStatus(round == 0 ? SampleStatus.ACCEPTED : SampleStatus.REJECTED));
                }
            }
        }
        return samples;
    }

    @Test
    void aBalancedPlanHasTheSameCountInEveryCell() {
        Map<String, List<String>> declared = Map.of("tone", TONES);

        List<CoverageGrid> grids = ConditionCoverage.of(balancedSamples(), declared);

        CoverageGrid toneByLength = grids.stream()
                .filter(grid ->
                        grid.conditionA().equals("tone") && grid.conditionB().equals("length"))
                .findFirst()
                .orElseThrow();
        assertThat(toneByLength.valuesA()).isEqualTo(TONES);
        assertThat(toneByLength.cells()).hasSize(6).allSatisfy(cell -> {
            assertThat(cell.samples()).isEqualTo(2);
            assertThat(cell.accepted()).isEqualTo(1);
            assertThat(cell.empty()).isFalse();
        });
        assertThat(grids).hasSize(3); // tone×length, tone×audience, length×audience
    }

    @Test
    void declaredValuesNoSampleHasShowAsEmptyCells() {
        Map<String, List<String>> declared = new java.util.LinkedHashMap<>();
        declared.put("tone", List.of("angry", "polite", "neutral", "sarcastic"));
        declared.put("length", LENGTHS);

        CoverageGrid toneByLength =
                ConditionCoverage.of(balancedSamples(), declared).get(0);

        assertThat(toneByLength.conditionA()).isEqualTo("tone");
        assertThat(toneByLength.conditionB()).isEqualTo("length");
        assertThat(toneByLength.emptyCells())
                .containsExactly(
                        new CoverageCell("sarcastic", "short", 0, 0), new CoverageCell("sarcastic", "long", 0, 0));
        assertThat(toneByLength.cell("polite", "long").samples()).isEqualTo(2);
    }

    @Test
    void thinCellsAreThoseWithTooFewAcceptedSamples() {
        List<SampleText> samples = new ArrayList<>(balancedSamples());
        samples.add(SampleText.of(99, "extra")
                .withStatus(SampleStatus.ACCEPTED)
                .withConditions(Map.of("tone", "angry", "length", "short")));

        CoverageGrid toneByLength = ConditionCoverage.of(samples, Map.of("tone", TONES, "length", LENGTHS)).stream()
                .filter(grid ->
                        grid.conditionA().equals("tone") || grid.conditionB().equals("tone"))
                .filter(grid ->
                        grid.conditionA().equals("length") || grid.conditionB().equals("length"))
                .findFirst()
                .orElseThrow();

        // every cell has one accepted sample but angry × short, which has two
        assertThat(toneByLength.thinCells(2)).hasSize(5).noneMatch(cell -> cell.accepted() >= 2);
        assertThat(toneByLength.thinCells(1)).isEmpty();
        assertThat(toneByLength.emptyCells()).isEmpty();
    }

    @Test
    void aSingleConditionGetsACountPerValueWithItsEmptyValuesMarked() {
        // One condition switched on: three angry samples (two accepted), one polite, none sarcastic; one sample was
        // generated without a tone and counts nowhere.
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withConditions(Map.of("tone", "angry")).withStatus(SampleStatus.ACCEPTED),
                SampleText.of(2, "b").withConditions(Map.of("tone", "polite")).withStatus(SampleStatus.REJECTED),
                SampleText.of(3, "c").withConditions(Map.of("tone", "angry")).withStatus(SampleStatus.ACCEPTED),
                SampleText.of(4, "d").withConditions(Map.of("tone", "angry")),
                SampleText.of(5, "e"));
        Map<String, List<String>> declared = Map.of("tone", List.of("angry", "polite", "sarcastic"));

        assertThat(ConditionCoverage.of(samples, declared))
                .as("no pair of conditions, no heatmap")
                .isEmpty();
        List<ValueCoverage> perValue = ConditionCoverage.perValue(samples, declared);

        assertThat(perValue).singleElement().satisfies(tone -> {
            assertThat(tone.condition()).isEqualTo("tone");
            assertThat(tone.values())
                    .containsExactly(
                            new ValueCount("angry", 3, 2),
                            new ValueCount("polite", 1, 0),
                            new ValueCount("sarcastic", 0, 0));
            assertThat(tone.emptyValues()).extracting(ValueCount::value).containsExactly("sarcastic");
        });
    }

    @Test
    void everyConditionOfABalancedPlanHasItsValuesCountedOnTheirOwn() {
        List<ValueCoverage> perValue = ConditionCoverage.perValue(balancedSamples(), Map.of("tone", TONES));

        // Declared conditions first, then the others alphabetically: tone, audience, length.
        assertThat(perValue).extracting(ValueCoverage::condition).containsExactly("tone", "audience", "length");
        assertThat(perValue.get(0).values()).allSatisfy(value -> {
            assertThat(value.samples()).isEqualTo(4);
            assertThat(value.accepted()).isEqualTo(2);
        });
        assertThat(perValue.get(1).values()).containsExactly(new ValueCount("adults", 12, 6));
    }
}
