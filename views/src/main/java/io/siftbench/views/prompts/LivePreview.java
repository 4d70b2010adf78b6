package io.siftbench.views.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.prompts.ConditionPlan;
import io.siftbench.model.prompts.Placeholder;
import io.siftbench.model.prompts.Placeholders;
import io.siftbench.model.prompts.Plan;
import io.siftbench.model.prompts.PlanKind;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptRenderer;
import io.siftbench.model.prompts.PromptValidator;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.RenderedPrompt;
import io.siftbench.model.runs.RunPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The studio's draft rendered for a sample record and a value combination (a judge: for the judged sample), with
 * what is wrong with it, updated on every edit. Rendering is pure and takes microseconds, so it runs at once, on
 * the UI thread.
 */
public final class LivePreview {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_RECORD = "{\"text\": \"I am still waiting on my card?\"}";

    private final PromptDraft draft;
    private final JudgedSampleChoice judged;
    private final DemonstrationPool demonstrations;
    private final Random combinationDice = new Random();
    private final StringProperty sampleRecord = new SimpleStringProperty(this, "sampleRecord", SAMPLE_RECORD);
    private final IntegerProperty combinationIndex = new SimpleIntegerProperty(this, "combinationIndex", 0);
    private final ReadOnlyLongWrapper combinations = new ReadOnlyLongWrapper(this, "combinations", 1);
    private final ReadOnlyStringWrapper combinationText = new ReadOnlyStringWrapper(this, "combinationText", "");
    private final ReadOnlyStringWrapper derivedSchema = new ReadOnlyStringWrapper(this, "derivedSchema", "");
    private final ReadOnlyStringWrapper renderedSystem = new ReadOnlyStringWrapper(this, "renderedSystem", "");
    private final ReadOnlyStringWrapper renderedUser = new ReadOnlyStringWrapper(this, "renderedUser", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<String> problemsReadOnly = FXCollections.unmodifiableObservableList(problems);

    LivePreview(PromptDraft draft, JudgedSampleChoice judged, DemonstrationPool demonstrations) {
        this.draft = draft;
        this.judged = judged;
        this.demonstrations = demonstrations;
        List<Observable> shown = new ArrayList<>(draft.parts());
        // The name is validated; the note changes nothing shown.
        shown.addAll(List.of(
                draft.nameProperty(),
                sampleRecord,
                combinationIndex,
                judged.currentProperty(),
                judged.conditionsProperty(),
                demonstrations.loadedProperty()));
        for (Observable o : shown) {
            o.addListener(x -> refresh());
        }
    }

    /** Starts again from the first combination, for a draft just loaded. */
    void restart() {
        combinationIndex.set(0);
        refresh();
    }

    /** Renders the draft again and lists what is wrong with it. */
    private void refresh() {
        List<String> found = new ArrayList<>();
        PromptVersion version;
        try {
            version = draft.version();
        } catch (RuntimeException e) {
            problems.setAll(e.getMessage());
            return;
        }
        Context context = context(version, found);
        boolean judge = version.mode() == PromptMode.JUDGE;
        Map<String, String> conditionValues = judge ? context.conditions() : combination(version, found);
        found.addAll(PromptValidator.problems(version));
        derivedSchema.set(
                version.mode() != PromptMode.SYNTHESIZE
                        ? version.outputSchema().schema().toPrettyString()
                        : "");
        Placeholders placeholders = context.placeholders(version);
        List<String> unknown =
                new ArrayList<>(placeholders.unknown(version.template().system()));
        placeholders.unknown(version.template().user()).stream()
                .filter(n -> !unknown.contains(n))
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            found.add((judge ? "the judged sample has no " : "the sample record has no ")
                    + String.join(
                            ", ", unknown.stream().map(n -> "{{" + n + "}}").toList()));
        }
        List<Demonstration> demos = List.of();
        if (version.demonstrations() != null && version.demonstrations().k() > 0) {
            DemonstrationPool.Picked picked = demonstrations.pick(version.demonstrations());
            demos = picked.demonstrations();
            if (picked.problem() != null) {
                found.add(picked.problem());
            }
        }
        try {
            PromptRenderer renderer = new PromptRenderer(version);
            RenderedPrompt rendered = judge
                    ? renderer.renderJudged(context.record(), conditionValues, demos, context.sample())
                    : renderer.render(context.record(), conditionValues, demos);
            renderedSystem.set(rendered.system());
            renderedUser.set(rendered.user());
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
        }
        problems.setAll(found.stream().distinct().toList());
    }

    /** The value combination the preview shows, of the "all" plan over the switched-on values. */
    private Map<String, String> combination(PromptVersion version, List<String> found) {
        ConditionPlan plan = new ConditionPlan(Plan.of(PlanKind.ALL, 0), version.conditions());
        combinations.set(plan.combinations());
        Map<String, String> combination = Map.of();
        if (plan.combinations() > 0) {
            int index = (int) Math.min(Math.max(0, combinationIndex.get()), plan.combinations() - 1);
            combination = plan.first(index + 1).get(index);
        } else {
            found.add("conditions: a switched-on condition has every value switched off");
        }
        combinationText.set(
                combination.isEmpty()
                        ? "no condition switched on"
                        : String.join(
                                ", ",
                                combination.entrySet().stream()
                                        .map(e -> e.getKey() + " = " + e.getValue())
                                        .toList()));
        return combination;
    }

    /**
     * What the draft is rendered against: a record, and for a judge the judged sample (as its template sees it)
     * with the sample's condition values.
     *
     * @param sample           null unless the draft judges
     * @param judgedConditions the conditions the run to judge declares; null when any is accepted (not a judge,
     *                         or no run to judge is chosen)
     */
    private record Context(
            Map<String, Object> record,
            Map<String, String> conditions,
            Map<String, Object> sample,
            Set<String> judgedConditions) {

        Placeholders placeholders(PromptVersion version) {
            return new Placeholders(
                    version, record.keySet(), null, sample == null ? null : sample.keySet(), judgedConditions);
        }
    }

    /**
     * A judge's context is the chosen judged sample, or, until there is one, an example made of the sample record
     * (its {@code text} column as the sample's text); the others' is the sample record.
     */
    private Context context(PromptVersion version, List<String> found) {
        RunPlanner.Judged shown = judged.currentProperty().get();
        Set<String> declared = judged.conditionsProperty().get();
        if (version.mode() == PromptMode.JUDGE && shown != null) {
            return new Context(shown.record(), shown.sample().conditions(), shown.asSample(), declared);
        }
        Map<String, Object> record = record(found);
        if (version.mode() != PromptMode.JUDGE) {
            return new Context(record, Map.of(), null, null);
        }
        Object text = record.get("text");
        return new Context(
                record,
                Map.of(),
                RunPlanner.Judged.sampleView(Map.of(), 0, text == null ? "" : text.toString(), null, null, null),
                declared);
    }

    private Map<String, Object> record(List<String> found) {
        if (draft.modeProperty().get() == PromptMode.SYNTHESIZE) {
            return Map.of();
        }
        try {
            JsonNode node = JSON.readTree(sampleRecord.get());
            Map<String, Object> record = new LinkedHashMap<>();
            node.fields()
                    .forEachRemaining(e -> record.put(
                            e.getKey(),
                            e.getValue().isValueNode()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
            return record;
        } catch (JsonProcessingException e) {
            found.add("sample record: line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            return Map.of();
        }
    }

    /** The tags of {@code template}, each marked known or not against the draft and the sample record. */
    public List<Placeholder> placeholders(String template) {
        try {
            PromptVersion version = draft.version();
            return context(version, new ArrayList<>()).placeholders(version).scan(template);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Steps back to the previous combination, staying at the first. */
    public void previousCombination() {
        combinationIndex.set(Math.max(0, combinationIndex.get() - 1));
    }

    /** Steps on to the next combination, staying at the last. */
    public void nextCombination() {
        combinationIndex.set((int) Math.min(combinations.get() - 1, combinationIndex.get() + 1L));
    }

    /** Picks one of the combinations at random for the preview. */
    public void randomCombination() {
        long n = combinations.get();
        if (n > 0) {
            combinationIndex.set(combinationDice.nextInt((int) Math.min(n, Integer.MAX_VALUE)));
        }
    }

    /** The columns of the record the preview renders, as a JSON object. */
    public StringProperty sampleRecordProperty() {
        return sampleRecord;
    }

    /** Which combination of the switched-on values the preview uses, in the order of the "all" plan. */
    public IntegerProperty combinationIndexProperty() {
        return combinationIndex;
    }

    public ReadOnlyLongProperty combinationsProperty() {
        return combinations.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty combinationTextProperty() {
        return combinationText.getReadOnlyProperty();
    }

    /** The output schema derived from the label set (annotate) or the scale (judge); empty in synthesize mode. */
    public ReadOnlyStringProperty derivedSchemaProperty() {
        return derivedSchema.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty renderedSystemProperty() {
        return renderedSystem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty renderedUserProperty() {
        return renderedUser.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return problemsReadOnly;
    }
}
