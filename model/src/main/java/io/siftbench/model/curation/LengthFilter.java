package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.Optional;

/** Flags samples shorter than {@code min} or longer than {@code max} (either bound may be null for none). */
public record LengthFilter(LengthUnit unit, Integer min, Integer max) implements SampleRule {

    public LengthFilter {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("length bounds are crossed: minimum " + min + " > maximum " + max);
        }
    }

    @Override
    public Optional<String> check(SampleText sample) {
        int length = unit.measure(sample.text());
        if (min != null && length < min) {
            return Optional.of(length + " " + unit.plural() + ", fewer than the minimum " + min);
        }
        if (max != null && length > max) {
            return Optional.of(length + " " + unit.plural() + ", more than the maximum " + max);
        }
        return Optional.empty();
    }

    @Override
    public FlagKind kind() {
        return FlagKind.LENGTH;
    }
}
