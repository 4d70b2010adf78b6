package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags outputs the run could not use: in annotate mode a label outside the label set (or none), in synthesize
 * mode a required output field that is missing or blank.
 */
public final class InvalidOutputFilter implements SampleRule {

    private final Set<String> labelSet;
    private final List<String> requiredFields;

    private InvalidOutputFilter(Set<String> labelSet, List<String> requiredFields) {
        this.labelSet = labelSet;
        this.requiredFields = requiredFields;
    }

    /** For annotate mode: the label must be one of {@code labels} (compared exactly). */
    public static InvalidOutputFilter labelSet(List<String> labels) {
        return new InvalidOutputFilter(new LinkedHashSet<>(labels), null);
    }

    /** For synthesize mode: every field in {@code fields} must be present and not blank. */
    public static InvalidOutputFilter requiredFields(List<String> fields) {
        return new InvalidOutputFilter(null, List.copyOf(fields));
    }

    @Override
    public Optional<String> check(SampleText sample) {
        if (labelSet != null) {
            if (sample.label() == null || sample.label().isBlank()) {
                return Optional.of("no label");
            }
            return labelSet.contains(sample.label())
                    ? Optional.empty()
                    : Optional.of("label '" + sample.label() + "' is not in the label set");
        }
        for (String field : requiredFields) {
            String value = sample.fields().get(field);
            if (value == null || value.isBlank()) {
                return Optional.of("missing required field '" + field + "'");
            }
        }
        return Optional.empty();
    }

    @Override
    public FlagKind kind() {
        return FlagKind.INVALID_OUTPUT;
    }
}
