package io.siftbench.views.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.Label;
import io.siftbench.model.prompts.OutputSpec;
import io.siftbench.model.prompts.Placeholders;
import io.siftbench.model.prompts.Plan;
import io.siftbench.model.prompts.PlanKind;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.TaskSpec;
import io.siftbench.model.prompts.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The prompt being edited in the studio, field by field as the form shows it (text kept as typed), and made into
 * a {@link PromptVersion} only when asked: a field that cannot be read is then named, not silently dropped.
 */
public final class PromptDraft {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tags that show a prompt's label set. */
    private static final Set<String> LABEL_TAGS = Set.of("labels", "task.labels");

    private final Consumer<String> report;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObjectProperty<PromptMode> mode = new SimpleObjectProperty<>(this, "mode", PromptMode.ANNOTATE);
    private final ScaleDraft scale = new ScaleDraft();
    private final StringProperty role = new SimpleStringProperty(this, "role", "");
    private final StringProperty purpose = new SimpleStringProperty(this, "purpose", "");
    private final StringProperty format = new SimpleStringProperty(this, "format", "");
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final BooleanProperty rationale = new SimpleBooleanProperty(this, "rationale");
    private final BooleanProperty confidence = new SimpleBooleanProperty(this, "confidence");
    private final StringProperty systemTemplate = new SimpleStringProperty(this, "systemTemplate", "");
    private final StringProperty userTemplate = new SimpleStringProperty(this, "userTemplate", "");
    private final ObservableList<Condition> conditions = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<Condition> conditionsReadOnly = FXCollections.unmodifiableObservableList(conditions);

    private final ObjectProperty<PlanKind> planKind = new SimpleObjectProperty<>(this, "planKind", PlanKind.ALL);
    private final ObjectProperty<Long> planSeed = new SimpleObjectProperty<>(this, "planSeed", 0L);
    private final StringProperty outputSchema = new SimpleStringProperty(this, "outputSchema", "");
    private final StringProperty demoDataset = new SimpleStringProperty(this, "demoDataset", "");
    private final ObjectProperty<DemonstrationStrategy> demoStrategy =
            new SimpleObjectProperty<>(this, "demoStrategy", DemonstrationStrategy.RANDOM);
    private final ObjectProperty<Integer> demoK = new SimpleObjectProperty<>(this, "demoK", 4);
    private final StringProperty demoText = new SimpleStringProperty(this, "demoText", "text");
    private final StringProperty demoLabel = new SimpleStringProperty(this, "demoLabel", "label");
    private final StringProperty demoIds = new SimpleStringProperty(this, "demoIds", "");
    private final ObjectProperty<Long> demoSeed = new SimpleObjectProperty<>(this, "demoSeed", 0L);

    /** @param report where an edit the model refuses is told, and where a successful one clears what was told */
    PromptDraft(Consumer<String> report) {
        this.report = report;
        mode.addListener((obs, was, now) -> {
            if (now == PromptMode.JUDGE) {
                dropLabelsTheJudgeDoesNotShow();
            }
        });
    }

    /** A small working example, what a new prompt starts from. */
    public static PromptVersion example() {
        return new PromptVersion(
                "new-prompt",
                "",
                PromptMode.ANNOTATE,
                new TaskSpec(
                        "You label customer questions.",
                        "Pick the one intent that fits best.",
                        "Reply with JSON {\"label\": …}.",
                        List.of(
                                new Label("card_arrival", "card not yet received", null),
                                new Label("lost_or_stolen_card", "card lost or stolen", null)),
                        false,
                        false),
                new Template(
                        "{{task.role}} {{task.purpose}} {{task.format}}",
                        "{{#condition.tone}}Tone: {{condition.tone}}\n{{/condition.tone}}Q: {{text}}\nA:"),
                List.of(Condition.of("tone", "angry", "polite")),
                Plan.of(PlanKind.ALL, 0),
                null,
                null);
    }

    /**
     * The fields samples are made with: every one but the name and the note, which change nothing the model sees.
     */
    List<Observable> parts() {
        List<Observable> parts = new ArrayList<>(List.of(
                mode,
                role,
                purpose,
                format,
                labels,
                rationale,
                confidence,
                systemTemplate,
                userTemplate,
                conditions,
                planKind,
                planSeed,
                outputSchema,
                demoDataset,
                demoStrategy,
                demoK,
                demoText,
                demoLabel,
                demoIds,
                demoSeed));
        parts.addAll(scale.parts());
        return parts;
    }

    /**
     * An annotator's labels are its answers' vocabulary; a judge answers with a score, so the labels carried over
     * from an annotate draft would only be saved with the judge and confuse whoever reads it. They are kept when
     * the template shows them ({@code {{#labels}}…}, {@code {{task.labels}}}), since the judge then tells the model
     * which labels the judged run could give; otherwise they are dropped. Loading a version sets the mode before
     * the labels, so a loaded judge keeps its own.
     */
    private void dropLabelsTheJudgeDoesNotShow() {
        String templates = systemTemplate.get() + "\n" + userTemplate.get();
        boolean shown = Placeholders.names(templates).stream().anyMatch(LABEL_TAGS::contains);
        if (!shown) {
            labels.set("");
        }
    }

    /** Shows {@code v} in every field. */
    void edit(PromptVersion v) {
        name.set(v.name());
        note.set(v.note());
        scale.edit(v.scale());
        mode.set(v.mode());
        role.set(v.task().role());
        purpose.set(v.task().purpose());
        format.set(v.task().format());
        labels.set(LabelLines.format(v.task().labels()));
        rationale.set(v.task().rationale());
        confidence.set(v.task().confidence());
        systemTemplate.set(v.template().system());
        userTemplate.set(v.template().user());
        conditions.setAll(v.conditions());
        planKind.set(v.plan().kind());
        planSeed.set(v.plan().seed());
        Demonstrations d = v.demonstrations();
        demoDataset.set(d == null ? "" : d.dataset());
        if (d != null) {
            demoStrategy.set(d.strategy());
            demoK.set(d.k());
            demoText.set(d.text());
            demoLabel.set(d.label());
            demoIds.set(String.join(", ", d.ids().stream().map(String::valueOf).toList()));
            demoSeed.set(d.seed());
        }
        JsonNode schema = v.mode() == PromptMode.SYNTHESIZE && v.output() != null
                ? v.output().schema()
                : null;
        outputSchema.set(schema == null ? "" : schema.toPrettyString());
    }

    /**
     * The draft as a prompt version.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public PromptVersion version() {
        TaskSpec task = new TaskSpec(
                role.get(),
                purpose.get(),
                format.get(),
                LabelLines.parse(labels.get()),
                rationale.get(),
                confidence.get());
        OutputSpec output = null;
        if (mode.get() == PromptMode.SYNTHESIZE && !outputSchema.get().isBlank()) {
            try {
                output = new OutputSpec(JSON.readTree(outputSchema.get()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "output schema: line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            }
        }
        boolean judge = mode.get() == PromptMode.JUDGE;
        // A judge declares no conditions (it sees the judged sample's): the hidden ones stay for the other modes.
        return new PromptVersion(
                name.get(),
                note.get(),
                mode.get(),
                task,
                new Template(systemTemplate.get(), userTemplate.get()),
                judge ? List.of() : conditions,
                Plan.of(planKind.get(), planSeed.get()),
                demonstrations(),
                output,
                judge ? scale.scale() : null);
    }

    /** The demonstrations as edited; none while no dataset is named. */
    private Demonstrations demonstrations() {
        if (demoDataset.get().isBlank()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String id : demoIds.get().split("[,\\s]+")) {
            if (!id.isBlank()) {
                try {
                    ids.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("demonstrations ids: '" + id + "' is not a record id");
                }
            }
        }
        try {
            return new Demonstrations(
                    demoDataset.get().strip(),
                    demoStrategy.get(),
                    demoK.get(),
                    demoText.get(),
                    demoLabel.get(),
                    ids,
                    demoSeed.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demonstrations: " + e.getMessage(), e);
        }
    }

    // ---- condition edits: each replaces the condition with a changed copy ------------------------------

    public void addCondition(String conditionName) {
        apply(() -> conditions.add(Condition.of(conditionName.strip())));
    }

    public void removeCondition(int index) {
        conditions.remove(index);
    }

    public void editCondition(int index, UnaryOperator<Condition> change) {
        apply(() -> conditions.set(index, change.apply(conditions.get(index))));
    }

    public void switchCondition(int index, boolean on) {
        editCondition(index, c -> c.withEnabled(on));
    }

    public void switchValue(int condition, int value, boolean on) {
        editCondition(condition, c -> c.withValue(value, c.values().get(value).withEnabled(on)));
    }

    public void renameValue(int condition, int value, String newValue) {
        editCondition(condition, c -> c.withValue(value, c.values().get(value).withValue(newValue.strip())));
    }

    public void weighValue(int condition, int value, double weight) {
        editCondition(condition, c -> c.withValue(value, c.values().get(value).withWeight(weight)));
    }

    /** Runs an edit; an edit the model refuses (a repeated value, a bad name) is reported, not applied. */
    private void apply(Runnable edit) {
        try {
            edit.run();
            report.accept("");
        } catch (IllegalArgumentException e) {
            report.accept(e.getMessage());
        }
    }

    // ---- fields ---------------------------------------------------------------------------------------

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<PromptMode> modeProperty() {
        return mode;
    }

    /** A judge's scale. */
    public ScaleDraft scale() {
        return scale;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public StringProperty purposeProperty() {
        return purpose;
    }

    public StringProperty formatProperty() {
        return format;
    }

    /** The label set, one label a line: {@code name | description | verbalizer}. */
    public StringProperty labelsProperty() {
        return labels;
    }

    public BooleanProperty rationaleProperty() {
        return rationale;
    }

    public BooleanProperty confidenceProperty() {
        return confidence;
    }

    public StringProperty systemTemplateProperty() {
        return systemTemplate;
    }

    public StringProperty userTemplateProperty() {
        return userTemplate;
    }

    public ObservableList<Condition> conditions() {
        return conditionsReadOnly;
    }

    public ObjectProperty<PlanKind> planKindProperty() {
        return planKind;
    }

    public ObjectProperty<Long> planSeedProperty() {
        return planSeed;
    }

    /** The demonstrations' dataset; blank for none. */
    public StringProperty demoDatasetProperty() {
        return demoDataset;
    }

    public ObjectProperty<DemonstrationStrategy> demoStrategyProperty() {
        return demoStrategy;
    }

    public ObjectProperty<Integer> demoKProperty() {
        return demoK;
    }

    public StringProperty demoTextProperty() {
        return demoText;
    }

    public StringProperty demoLabelProperty() {
        return demoLabel;
    }

    /** The fixed strategy's record ids, separated by commas or spaces. */
    public StringProperty demoIdsProperty() {
        return demoIds;
    }

    public ObjectProperty<Long> demoSeedProperty() {
        return demoSeed;
    }

    public StringProperty outputSchemaProperty() {
        return outputSchema;
    }
}
