package io.siftbench.model.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the condition values of each sample of a run. Only switched-on values of switched-on
 * conditions are ever chosen. The same plan, conditions and count give the same sequence on every
 * machine ({@link Random} is specified exactly), which is what makes a run reproducible and resumable.
 */
public final class ConditionPlan {

    private final Plan plan;
    private final List<Condition> active;

    public ConditionPlan(Plan plan, List<Condition> conditions) {
        this.plan = plan;
        this.active = conditions.stream().filter(Condition::isOn).toList();
    }

    public static ConditionPlan of(PromptVersion version) {
        return new ConditionPlan(version.plan(), version.conditions());
    }

    /**
     * How many distinct value combinations the switched-on conditions make: 1 when none is on (every
     * sample gets the empty combination), 0 when a switched-on condition has no switched-on value.
     */
    public long combinations() {
        long n = 1;
        for (Condition c : active) {
            n = Math.multiplyExact(n, c.activeValues().size());
        }
        return n;
    }

    /**
     * The condition values of the first {@code n} samples, each a map from condition name to value in the
     * conditions' order. A run asks for its whole target at once (a balanced plan is balanced over the
     * {@code n} it is asked for) and a resumed run asks for the same {@code n} again.
     *
     * @throws IllegalStateException when a switched-on condition has every value switched off
     */
    public List<Map<String, String>> first(int n) {
        Values values = values(n);
        List<Map<String, String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(values.at(i));
        }
        return out;
    }

    /**
     * The same values as {@link #first}, made one at a time as they are asked for, so that a run of a million
     * slots does not hold a million maps: what a streamed plan reads as it sends.
     *
     * @throws IllegalStateException when a switched-on condition has every value switched off
     */
    public Values values(int n) {
        for (Condition c : active) {
            if (c.activeValues().isEmpty()) {
                throw new IllegalStateException(
                        "condition '" + c.name() + "' is switched on but all its values are switched off");
            }
        }
        return switch (plan.kind()) {
            case ALL -> all();
            case RANDOM -> random();
            case BALANCED -> balanced(n);
        };
    }

    /**
     * The values of the samples of a plan, asked for by position in increasing order (a random plan draws
     * them in sequence, so it cannot go back).
     */
    @FunctionalInterface
    public interface Values {
        /** @throws IllegalArgumentException for a position before one already asked for, in a random plan */
        Map<String, String> at(int i);
    }

    /** The cartesian product, last condition varying fastest, cycling from the start once exhausted. */
    private Values all() {
        long total = combinations();
        return i -> {
            long rest = i % total;
            String[] chosen = new String[active.size()];
            for (int c = active.size() - 1; c >= 0; c--) {
                List<ConditionValue> values = active.get(c).activeValues();
                chosen[c] = values.get((int) (rest % values.size())).value();
                rest /= values.size();
            }
            return combination(chosen);
        };
    }

    /** Each condition drawn independently by weight; a condition whose weights are all 0 draws uniformly. */
    private Values random() {
        Random random = new Random(plan.seed());
        return new Values() {
            private int next;
            private Map<String, String> last;

            @Override
            public Map<String, String> at(int i) {
                if (i == next - 1) {
                    return last;
                }
                if (i < next) {
                    throw new IllegalArgumentException(
                            "a random plan's values are drawn in order: " + i + " asked after " + (next - 1));
                }
                while (next <= i) {
                    String[] chosen = new String[active.size()];
                    for (int c = 0; c < active.size(); c++) {
                        chosen[c] =
                                weighted(active.get(c).activeValues(), random).value();
                    }
                    last = combination(chosen);
                    next++;
                }
                return last;
            }
        };
    }

    private static ConditionValue weighted(List<ConditionValue> values, Random random) {
        double total = values.stream().mapToDouble(ConditionValue::weight).sum();
        if (total <= 0) {
            return values.get(random.nextInt(values.size()));
        }
        double r = random.nextDouble() * total;
        for (ConditionValue v : values) {
            r -= v.weight();
            if (r < 0) {
                return v;
            }
        }
        return values.get(values.size() - 1);
    }

    /**
     * Per condition, a column holding each value ⌊n/m⌋ or ⌈n/m⌉ times (the extra ones going to values
     * chosen by the seed), shuffled by the seed; so every value is used equally often within one.
     */
    private Values balanced(int n) {
        Random random = new Random(plan.seed());
        List<List<String>> columns = new ArrayList<>();
        for (Condition c : active) {
            List<ConditionValue> values = new ArrayList<>(c.activeValues());
            Collections.shuffle(values, random);
            List<String> column = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                column.add(values.get(i % values.size()).value());
            }
            Collections.shuffle(column, random);
            columns.add(column);
        }
        return i -> {
            String[] chosen = new String[active.size()];
            for (int c = 0; c < active.size(); c++) {
                chosen[c] = columns.get(c).get(i);
            }
            return combination(chosen);
        };
    }

    private Map<String, String> combination(String[] chosen) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < active.size(); c++) {
            m.put(active.get(c).name(), chosen[c]);
        }
        return Collections.unmodifiableMap(m);
    }
}
