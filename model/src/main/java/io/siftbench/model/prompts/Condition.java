package io.siftbench.model.prompts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named attribute whose switched-on values are filled into the template as {@code {{condition.NAME}}}.
 * The editing methods return a changed copy: a prompt version never changes once made.
 */
public record Condition(String name, Boolean enabled, List<ConditionValue> values) {

    /** A name must work as a Mustache key: a dot would split {@code condition.a.b} into two keys. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

    public Condition {
        Objects.requireNonNull(name, "a condition needs a name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("condition name '" + name
                    + "' must start with a letter or _ and hold only letters, digits, _ and -");
        }
        enabled = enabled == null || enabled;
        values = values == null ? List.of() : List.copyOf(values);
        Set<String> seen = new LinkedHashSet<>();
        for (ConditionValue v : values) {
            if (!seen.add(v.value())) {
                throw new IllegalArgumentException("condition '" + name + "' has the value '" + v.value() + "' twice");
            }
        }
    }

    public static Condition of(String name, String... values) {
        return new Condition(
                name,
                true,
                java.util.Arrays.stream(values).map(ConditionValue::of).toList());
    }

    public boolean isOn() {
        return enabled;
    }

    /** The values a plan may choose: the switched-on ones, or none when the condition is off. */
    public List<ConditionValue> activeValues() {
        return enabled ? values.stream().filter(ConditionValue::isOn).toList() : List.of();
    }

    public Condition withEnabled(boolean on) {
        return new Condition(name, on, values);
    }

    public Condition renamed(String newName) {
        return new Condition(newName, enabled, values);
    }

    public Condition withValues(List<ConditionValue> newValues) {
        return new Condition(name, enabled, newValues);
    }

    public Condition withValue(int index, ConditionValue value) {
        List<ConditionValue> copy = new ArrayList<>(values);
        copy.set(index, value);
        return withValues(copy);
    }

    public Condition addValue(String value) {
        List<ConditionValue> copy = new ArrayList<>(values);
        copy.add(ConditionValue.of(value));
        return withValues(copy);
    }

    public Condition removeValue(int index) {
        List<ConditionValue> copy = new ArrayList<>(values);
        copy.remove(index);
        return withValues(copy);
    }

    /** Moves the value at {@code from} to {@code to}, shifting the ones between. */
    public Condition moveValue(int from, int to) {
        List<ConditionValue> copy = new ArrayList<>(values);
        copy.add(to, copy.remove(from));
        return withValues(copy);
    }

    /** Inserts a copy of the value at {@code index} right after it, named "… (copy)" so names stay unique. */
    public Condition duplicateValue(int index) {
        ConditionValue original = values.get(index);
        String name = original.value() + " (copy)";
        while (hasValue(name)) {
            name = name + " (copy)";
        }
        List<ConditionValue> copy = new ArrayList<>(values);
        copy.add(index + 1, original.withValue(name));
        return withValues(copy);
    }

    /**
     * Appends one value per non-blank line of {@code pasted}, trimmed; lines that are already values
     * are skipped, so pasting a list twice does not double it.
     */
    public Condition pasteValues(String pasted) {
        List<ConditionValue> copy = new ArrayList<>(values);
        Set<String> seen = new LinkedHashSet<>();
        values.forEach(v -> seen.add(v.value()));
        pasted.lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .filter(seen::add)
                .forEach(s -> copy.add(ConditionValue.of(s)));
        return withValues(copy);
    }

    private boolean hasValue(String value) {
        return values.stream().anyMatch(v -> v.value().equals(value));
    }
}
