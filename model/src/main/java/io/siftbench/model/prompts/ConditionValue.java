package io.siftbench.model.prompts;

import java.util.Objects;

/**
 * One value of a condition, with its own switch and its weight for random plans.
 * A missing switch means on and a missing weight means 1, as in a hand-written prompt file.
 */
public record ConditionValue(String value, Boolean enabled, Double weight) {

    public ConditionValue {
        Objects.requireNonNull(value, "a condition value needs a value");
        if (value.isBlank()) {
            // A blank value would render as nothing and make its sections vanish as if switched off.
            throw new IllegalArgumentException("a condition value must not be blank");
        }
        enabled = enabled == null || enabled;
        weight = weight == null ? 1.0 : weight;
        if (weight < 0 || weight.isNaN() || weight.isInfinite()) {
            throw new IllegalArgumentException("the weight of value '" + value + "' must be a number >= 0");
        }
    }

    public static ConditionValue of(String value) {
        return new ConditionValue(value, true, 1.0);
    }

    public boolean isOn() {
        return enabled;
    }

    public ConditionValue withEnabled(boolean on) {
        return new ConditionValue(value, on, weight);
    }

    public ConditionValue withWeight(double w) {
        return new ConditionValue(value, enabled, w);
    }

    public ConditionValue withValue(String v) {
        return new ConditionValue(v, enabled, weight);
    }
}
