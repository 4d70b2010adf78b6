package io.siftbench.model.runs;

import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.prompts.ConditionPlan;
import io.siftbench.model.prompts.PromptRenderer;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.RenderedPrompt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Turns a prompt version and a run's inputs (records, condition values, or the samples a judge scores) into
 * the run's slots: the condition values from the seeded plan, the demonstrations from the strategy, and the exact messages from the template. Everything is
 * derived from the seed, so planning the same run again gives the same slots in the same order.
 */
public final class RunPlanner {

    /** An input record of an annotate run: its id and its columns. */
    public record Input(long id, Map<String, Object> columns) {}

    /**
     * A sample a judge run scores.
     *
     * @param sample the judged sample
     * @param record its input record's columns; empty when it has none (a synthesized sample)
     * @param text   the text that counts: the generated text, or the annotated record's text
     */
    public record Judged(Sample sample, Map<String, Object> record, String text) {

        /**
         * What a judge's template sees as {@code sample}: the fields of its parsed output, then its id, text,
         * label, rationale and confidence.
         */
        public Map<String, Object> asSample() {
            return sampleView(
                    sample.fields(), sample.id(), text, sample.label(), sample.rationale(), sample.confidence());
        }

        /**
         * A judged sample as a judge's template sees it, from its parts: the named fields win over output fields
         * of the same name. Also what the studio renders a judge with before a run to judge is chosen.
         */
        public static Map<String, Object> sampleView(
                Map<String, String> outputFields,
                long id,
                String text,
                String label,
                String rationale,
                Double confidence) {
            Map<String, Object> view = new LinkedHashMap<>(outputFields);
            view.put("id", id);
            view.put("text", text);
            view.put("label", label);
            view.put("rationale", rationale);
            view.put("confidence", confidence);
            return view;
        }
    }

    /**
     * A sample of an earlier pipeline step that a step continues.
     *
     * @param parent the earlier step's sample
     * @param record its chain's input record's columns; empty when the chain started from nothing
     * @param steps  what the step's template sees as {@code steps}: by step name, the chain's sample of that step
     *               as {@link Judged#sampleView} gives it
     */
    public record Chained(Sample parent, Map<String, Object> record, Map<String, Map<String, Object>> steps) {}

    /** Picks the demonstrations of the slot at {@code ordinal}; {@code input} is null without an input record. */
    @FunctionalInterface
    public interface DemonstrationSource {
        List<Demonstration> pick(int ordinal, Input input);

        DemonstrationSource NONE = (ordinal, input) -> List.of();
    }

    private final PromptVersion version;
    private final PromptRenderer renderer;

    public RunPlanner(PromptVersion version) {
        this.version = version;
        this.renderer = new PromptRenderer(version);
    }

    /**
     * The records an annotate run takes: all of them in their order when {@code limit} is null or not
     * smaller, else a random subset of {@code limit} chosen by the seed. The subset is the one
     * {@link Collections#shuffle(List, Random)} of the ids chose before plans streamed (the same swaps, on a
     * primitive array: a million boxed ids cost 20 MB), so that runs planned then resume with the same slots.
     */
    public static long[] chooseInputs(long[] recordIds, Integer limit, long seed) {
        if (limit == null || limit >= recordIds.length) {
            return recordIds.clone();
        }
        long[] shuffled = recordIds.clone();
        Random random = new Random(seed);
        for (int i = shuffled.length; i > 1; i--) {
            int j = random.nextInt(i);
            long swap = shuffled[i - 1];
            shuffled[i - 1] = shuffled[j];
            shuffled[j] = swap;
        }
        return Arrays.copyOf(shuffled, limit);
    }

    /** What the key of an annotate run's slot starts with, before its record's id. */
    static final String RECORD_KEY = "record=";

    /** The key of the slot of an annotate run that annotates record {@code recordId}. */
    public static String recordKey(long recordId) {
        return RECORD_KEY + recordId;
    }

    /**
     * The slot at {@code ordinal} of an annotate run, keyed by its record, with the values its condition plan
     * gives that ordinal; rendered now, as the slot is about to be sent.
     */
    public Slot annotated(
            int ordinal, Input input, Map<String, String> conditions, DemonstrationSource demonstrations) {
        return slot(recordKey(input.id()), ordinal, input, conditions, demonstrations.pick(ordinal, input));
    }

    /** {@code n} slots over the condition plan, keyed by position and condition values. */
    public List<Slot> synthesize(int n, DemonstrationSource demonstrations) {
        return synthesize(n, demonstrations, List.of());
    }

    /**
     * {@code n} slots over the condition plan, restricted to {@code cells} when there are any: slot i takes the
     * values of cell i mod |cells| (filling the gaps of a coverage grid evenly) and the plan's values for the
     * conditions the cell does not name.
     */
    public List<Slot> synthesize(int n, DemonstrationSource demonstrations, List<Map<String, String>> cells) {
        List<Map<String, String>> values = ConditionPlan.of(version).first(n);
        List<Slot> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // A copy in the plan's order: the slot key lists the values in that order, and a resumed run must
            // key its slots exactly as the first attempt did.
            Map<String, String> conditions = new LinkedHashMap<>(values.get(i));
            if (!cells.isEmpty()) {
                conditions.putAll(cells.get(i % cells.size()));
            }
            String key = "sample=" + i
                    + conditions.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(";", "|", ""));
            slots.add(slot(key, i, null, conditions, demonstrations.pick(i, null)));
        }
        return slots;
    }

    /**
     * {@code n} slots, slot i taking the values of cell i mod |cells| over the plan's values for the other
     * conditions, rendered with every value given whether or not the prompt lists it: the topics of a topic tree,
     * which the model wrote, are no values of the prompt's condition. Keyed by position and values, as
     * {@link #synthesize} keys its slots.
     */
    public List<Slot> synthesizeWritten(int n, List<Map<String, String>> cells) {
        List<Map<String, String>> values = ConditionPlan.of(version).first(n);
        List<Slot> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, String> conditions = new LinkedHashMap<>(values.get(i));
            conditions.putAll(cells.get(i % cells.size()));
            String key = "sample=" + i
                    + conditions.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(";", "|", ""));
            RenderedPrompt prompt = renderer.renderChained(Map.of(), conditions, List.of(), Map.of());
            slots.add(new Slot(key, i, null, conditions, List.of(), messages(prompt)));
        }
        return slots;
    }

    /**
     * One slot per judged sample, keyed by the sample, with its record and condition values: a judge prompt
     * sees the sample as {@code sample} (its id, text, label, rationale, confidence and the fields of its parsed
     * output), its record's columns and all its condition values.
     */
    public List<Slot> judge(List<Judged> judged, DemonstrationSource demonstrations) {
        List<Slot> slots = new ArrayList<>(judged.size());
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            Sample s = j.sample();
            Input input =
                    s.slot().recordId() == null ? null : new Input(s.slot().recordId(), j.record());
            List<Demonstration> demos = demonstrations.pick(i, input);
            RenderedPrompt prompt = renderer.renderJudged(j.record(), s.conditions(), demos, j.asSample());
            slots.add(new Slot(
                    "judged=" + s.id(),
                    i,
                    s.slot().recordId(),
                    s.conditions(),
                    demos.stream().map(Demonstration::id).toList(),
                    messages(prompt),
                    s.id()));
        }
        return slots;
    }

    /**
     * One slot per sample of an earlier step, keyed by that sample, with its record and condition values (the
     * step's own plan gives the conditions the chain has not chosen): a step sees every earlier step of its
     * chain as {@code steps.NAME}.
     */
    public List<Slot> chain(List<Chained> parents, DemonstrationSource demonstrations) {
        List<Map<String, String>> values = ConditionPlan.of(version).first(parents.size());
        List<Slot> slots = new ArrayList<>(parents.size());
        for (int i = 0; i < parents.size(); i++) {
            Chained c = parents.get(i);
            Sample parent = c.parent();
            Map<String, String> conditions = new LinkedHashMap<>(values.get(i));
            conditions.putAll(parent.conditions());
            Input input = parent.slot().recordId() == null
                    ? null
                    : new Input(parent.slot().recordId(), c.record());
            List<Demonstration> demos = demonstrations.pick(i, input);
            RenderedPrompt prompt = renderer.renderChained(c.record(), conditions, demos, c.steps());
            slots.add(new Slot(
                    "parent=" + parent.id(),
                    i,
                    parent.slot().recordId(),
                    conditions,
                    demos.stream().map(Demonstration::id).toList(),
                    messages(prompt),
                    null,
                    parent.id()));
        }
        return slots;
    }

    private Slot slot(String key, int ordinal, Input input, Map<String, String> conditions, List<Demonstration> demos) {
        RenderedPrompt prompt = renderer.render(input == null ? Map.of() : input.columns(), conditions, demos);
        return new Slot(
                key,
                ordinal,
                input == null ? null : input.id(),
                conditions,
                demos.stream().map(Demonstration::id).toList(),
                messages(prompt));
    }

    private static List<Message> messages(RenderedPrompt prompt) {
        List<Message> messages = new ArrayList<>(2);
        if (prompt.system() != null && !prompt.system().isBlank()) {
            messages.add(Message.system(prompt.system()));
        }
        messages.add(Message.user(prompt.user()));
        return messages;
    }
}
