package io.siftbench.model.insights;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The labels of a set of samples, most frequent first (ties alphabetical), and how many had no label. */
public record LabelDistribution(List<LabelCount> labels, long unlabelled) {

    public LabelDistribution {
        labels = List.copyOf(labels);
    }

    public static LabelDistribution of(List<SampleText> samples) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long unlabelled = 0;
        for (SampleText sample : samples) {
            if (sample.label() == null || sample.label().isBlank()) {
                unlabelled++;
            } else {
                counts.merge(sample.label(), 1L, Long::sum);
            }
        }
        return of(counts, unlabelled);
    }

    /** The distribution of labels counted elsewhere (while a large run was read page by page). */
    public static LabelDistribution of(Map<String, Long> counts, long unlabelled) {
        long labelled = counts.values().stream().mapToLong(Long::longValue).sum();
        List<LabelCount> labels = counts.entrySet().stream()
                .map(entry -> new LabelCount(entry.getKey(), entry.getValue(), (double) entry.getValue() / labelled))
                .sorted(Comparator.comparingLong(LabelCount::count).reversed().thenComparing(LabelCount::label))
                .toList();
        return new LabelDistribution(labels, unlabelled);
    }

    /** The count of {@code label}, 0 when no sample carries it. */
    public long count(String label) {
        return labels.stream()
                .filter(count -> Objects.equals(count.label(), label))
                .mapToLong(LabelCount::count)
                .sum();
    }
}
