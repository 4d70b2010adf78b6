package io.siftbench.model.insights;

import io.siftbench.model.runs.RunInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which samples the metrics measure, beside the status selection: a run's own (the default), every run of its
 * prompt version as one set, and either of these narrowed to the samples generated with one condition value. The
 * {@code metrics} command and the Insights screen both turn their choice into samples here, so that they measure
 * (and keep in the snapshots) the same slice under the same name.
 *
 * @param promptVersion whether every run of the run's prompt version is measured, rather than the run alone
 * @param condition     the condition whose value a sample must have been generated with; null for every sample
 * @param value         that value; null exactly when {@code condition} is
 */
public record MetricSlice(boolean promptVersion, String condition, String value) {

    /** The run's own samples. */
    public static final MetricSlice RUN = new MetricSlice(false, null, null);

    /** The samples of every run of the run's prompt version. */
    public static final MetricSlice PROMPT_VERSION = new MetricSlice(true, null, null);

    /**
     * A slice's samples and its name.
     *
     * @param set   the samples, from every run the slice takes
     * @param label the slice's name in the report, the snapshot's scope and the screen's headings ("prompt
     *              intent@2 runs 1, 4", "condition tone=angry", both joined by "; "); empty for a run's own samples
     */
    public record Sliced(RunSampleSet set, String label) {}

    public MetricSlice {
        if ((condition == null) != (value == null)) {
            throw new IllegalArgumentException("a condition slice needs both the condition and its value");
        }
    }

    /** Only the samples generated with {@code condition} = {@code value}, of the run itself. */
    public static MetricSlice condition(String condition, String value) {
        return new MetricSlice(false, condition, value);
    }

    /**
     * The slice the command line names.
     *
     * @param conditionValue {@code NAME=VALUE}, or null for every sample
     * @throws IllegalArgumentException when {@code conditionValue} is not of that form
     */
    public static MetricSlice of(boolean promptVersion, String conditionValue) {
        if (conditionValue == null) {
            return new MetricSlice(promptVersion, null, null);
        }
        int equals = conditionValue.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException(
                    "A condition value is given as NAME=VALUE, e.g. tone=angry; got '" + conditionValue + "'.");
        }
        return new MetricSlice(
                promptVersion, conditionValue.substring(0, equals), conditionValue.substring(equals + 1));
    }

    /**
     * The slices the Insights screen offers for {@code run}: the run, its prompt version's runs, and one per
     * declared value of each of its prompt's conditions (switched off or not, in the prompt's order).
     */
    public static List<MetricSlice> choices(RunSources sources, RunInfo run) {
        List<MetricSlice> choices = new ArrayList<>(List.of(RUN, PROMPT_VERSION));
        RunSamples.declaredConditions(sources, run)
                .forEach((name, values) -> values.forEach(v -> choices.add(condition(name, v))));
        return choices;
    }

    /** Whether the slice narrows the samples to one condition value. */
    public boolean byCondition() {
        return condition != null;
    }

    /**
     * The slice's samples of the status selection, taken from {@code run} (and, for a prompt version, every run of
     * the project with the same prompt version, oldest first), read page by page: every one up to
     * {@code sampleSize}, a seeded sample of that many of more ({@link RunSamples#drawn}).
     *
     * @throws IllegalArgumentException when the slice names a condition, or a value of it, that the prompt does
     *                                  not declare (saying which it has)
     */
    public Sliced apply(RunSources sources, RunInfo run, StatusSelection selection, int sampleSize) {
        List<String> label = new ArrayList<>();
        if (promptVersion) {
            List<RunInfo> runs = sources.runs().list().stream()
                    .filter(r -> r.config().promptVersionId() == run.config().promptVersionId())
                    .sorted(Comparator.comparingLong(RunInfo::id))
                    .toList();
            label.add("prompt " + run.promptName() + "@" + run.promptVersion() + " runs "
                    + runs.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(", ")));
            if (condition != null) {
                check(RunSamples.declaredConditions(sources, runs.get(0)));
                label.add("condition " + condition + "=" + value);
            }
            return new Sliced(
                    RunSamples.drawnUnion(sources, runs, admitting(selection), sampleSize), String.join("; ", label));
        }
        if (condition != null) {
            check(RunSamples.declaredConditions(sources, run));
            label.add("condition " + condition + "=" + value);
        }
        return new Sliced(RunSamples.drawn(sources, run, admitting(selection), sampleSize), String.join("; ", label));
    }

    /** Whether a sample is of this slice's condition value (any, without one) and of {@code selection}. */
    private Predicate<SampleText> admitting(StatusSelection selection) {
        return sample -> selection.includes(sample.status())
                && (condition == null || value.equals(sample.conditions().get(condition)));
    }

    private void check(Map<String, List<String>> declared) {
        if (!declared.containsKey(condition)) {
            throw new IllegalArgumentException(
                    "The prompt has no condition '" + condition + "'; it has " + listed(declared.keySet()) + ".");
        }
        if (!declared.get(condition).contains(value)) {
            throw new IllegalArgumentException("The prompt's condition '" + condition + "' has no value '" + value
                    + "'; it has " + listed(declared.get(condition)) + ".");
        }
    }

    private static String listed(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
