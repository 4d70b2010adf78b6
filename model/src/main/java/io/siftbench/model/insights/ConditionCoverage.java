package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Condition coverage: for each pair of conditions, the number of samples (and of accepted samples) per value
 * combination, and for each condition on its own, per value. The values come from the prompt's conditions where given, so that combinations no sample has
 * still appear as empty cells; values seen on samples but not declared are added after the declared ones.
 */
public final class ConditionCoverage {

    private ConditionCoverage() {}

    /**
     * One grid per pair of conditions: the declared conditions in their order, then the others alphabetically;
     * the values of each in declared order, then in order of first appearance on the samples.
     *
     * @param declared the conditions' values as the prompt declares them, by condition name (may be empty)
     */
    public static List<CoverageGrid> of(List<SampleText> samples, Map<String, List<String>> declared) {
        Map<String, List<String>> values = values(samples, declared);
        List<String> conditions = new ArrayList<>(values.keySet());
        List<CoverageGrid> grids = new ArrayList<>();
        for (int a = 0; a < conditions.size(); a++) {
            for (int b = a + 1; b < conditions.size(); b++) {
                String conditionA = conditions.get(a);
                String conditionB = conditions.get(b);
                grids.add(grid(samples, conditionA, values.get(conditionA), conditionB, values.get(conditionB)));
            }
        }
        return grids;
    }

    /**
     * One count per value of each condition on its own, conditions and values in the order of {@link #of}: the
     * coverage of a prompt with a single condition, which has no pair to make a grid of.
     */
    public static List<ValueCoverage> perValue(List<SampleText> samples, Map<String, List<String>> declared) {
        List<ValueCoverage> coverage = new ArrayList<>();
        values(samples, declared).forEach((condition, conditionValues) -> {
            long[] counts = new long[conditionValues.size()];
            long[] accepted = new long[conditionValues.size()];
            for (SampleText sample : samples) {
                String value = sample.conditions().get(condition);
                if (value != null) {
                    int index = conditionValues.indexOf(value);
                    counts[index]++;
                    if (sample.status().kept()) {
                        accepted[index]++;
                    }
                }
            }
            List<ValueCount> valueCounts = new ArrayList<>();
            for (int i = 0; i < conditionValues.size(); i++) {
                valueCounts.add(new ValueCount(conditionValues.get(i), counts[i], accepted[i]));
            }
            coverage.add(new ValueCoverage(condition, valueCounts));
        });
        return coverage;
    }

    /** Every condition with its values: declared ones first, in declared order, then those seen on samples. */
    private static Map<String, List<String>> values(List<SampleText> samples, Map<String, List<String>> declared) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        declared.forEach((condition, conditionValues) -> values.put(condition, new LinkedHashSet<>(conditionValues)));
        Set<String> undeclared = new TreeSet<>();
        for (SampleText sample : samples) {
            undeclared.addAll(sample.conditions().keySet());
        }
        undeclared.forEach(condition -> values.putIfAbsent(condition, new LinkedHashSet<>()));
        for (SampleText sample : samples) {
            sample.conditions()
                    .forEach((condition, value) -> values.get(condition).add(value));
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        values.forEach((condition, conditionValues) -> ordered.put(condition, List.copyOf(conditionValues)));
        return ordered;
    }

    private static CoverageGrid grid(
            List<SampleText> samples,
            String conditionA,
            List<String> valuesA,
            String conditionB,
            List<String> valuesB) {
        long[][] counts = new long[valuesA.size()][valuesB.size()];
        long[][] accepted = new long[valuesA.size()][valuesB.size()];
        for (SampleText sample : samples) {
            String valueA = sample.conditions().get(conditionA);
            String valueB = sample.conditions().get(conditionB);
            // A sample generated without one of the two conditions has no cell in this grid.
            if (valueA != null && valueB != null) {
                int row = valuesA.indexOf(valueA);
                int column = valuesB.indexOf(valueB);
                counts[row][column]++;
                if (sample.status().kept()) {
                    accepted[row][column]++;
                }
            }
        }
        List<CoverageCell> cells = new ArrayList<>();
        for (int row = 0; row < valuesA.size(); row++) {
            for (int column = 0; column < valuesB.size(); column++) {
                cells.add(new CoverageCell(
                        valuesA.get(row), valuesB.get(column), counts[row][column], accepted[row][column]));
            }
        }
        return new CoverageGrid(conditionA, conditionB, valuesA, valuesB, cells);
    }
}
