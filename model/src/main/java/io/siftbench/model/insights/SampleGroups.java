package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits a set of samples so that the metrics can be computed per condition value. */
public final class SampleGroups {

    private SampleGroups() {
    }

    /**
     * The samples by their value of {@code condition}, values in order of first appearance; samples generated
     * without that condition are left out. Each group keeps generation order.
     */
    public static Map<String, List<SampleText>> byCondition(List<SampleText> samples, String condition) {
        Map<String, List<SampleText>> groups = new LinkedHashMap<>();
        for (SampleText sample : samples) {
            String value = sample.conditions().get(condition);
            if (value != null) {
                groups.computeIfAbsent(value, v -> new ArrayList<>()).add(sample);
            }
        }
        return groups;
    }
}
