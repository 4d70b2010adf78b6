package io.siftbench.views.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionPlan;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.DiffLine;
import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.model.prompts.Label;
import io.siftbench.model.prompts.OutputSpec;
import io.siftbench.model.prompts.Placeholder;
import io.siftbench.model.prompts.Placeholders;
import io.siftbench.model.prompts.Plan;
import io.siftbench.model.prompts.PlanKind;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptRenderer;
import io.siftbench.model.prompts.PromptValidator;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.RenderedPrompt;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.prompts.TaskSpec;
import io.siftbench.model.prompts.Template;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The Prompt studio: the saved versions, a draft being edited, and the draft rendered for a sample record
 * and a value combination, updated on every change. Rendering is pure and takes microseconds, so it runs
 * at once; everything that reads or writes the project goes through the {@link TaskExecutor}.
 */
public final class PromptStudioViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tags that show a prompt's label set. */
    private static final Set<String> LABEL_TAGS = Set.of("labels", "task.labels");
    private static final String SAMPLE_RECORD = "{\"text\": \"I am still waiting on my card?\"}";

    private final ReadOnlyObjectProperty<Project> project;
    private final TaskExecutor tasks;
    private final Random combinationDice = new Random();

    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();

    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */

    private final ObservableList<StoredVersion> versionsReadOnly = FXCollections.unmodifiableObservableList(versions);
    private final ReadOnlyObjectWrapper<StoredVersion> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<DiffLine> diffReadOnly = FXCollections.unmodifiableObservableList(diff);

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObjectProperty<PromptMode> mode = new SimpleObjectProperty<>(this, "mode", PromptMode.ANNOTATE);
    private final ObjectProperty<JudgeScale.Kind> scaleKind = new SimpleObjectProperty<>(this, "scaleKind",
            JudgeScale.Kind.SCORE);
    /** Text, not numbers: what is typed is kept as typed, and what is not a number is reported, not dropped. */
    private final StringProperty scaleMin = new SimpleStringProperty(this, "scaleMin", "");
    private final StringProperty scaleMax = new SimpleStringProperty(this, "scaleMax", "");
    private final JudgedSampleChoice judged;
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
    private final StringProperty sampleRecord = new SimpleStringProperty(this, "sampleRecord", SAMPLE_RECORD);
    private final IntegerProperty combinationIndex = new SimpleIntegerProperty(this, "combinationIndex", 0);

    private final ReadOnlyLongWrapper draftEdits = new ReadOnlyLongWrapper(this, "draftEdits");
    private final ReadOnlyLongWrapper combinations = new ReadOnlyLongWrapper(this, "combinations", 1);
    private final ReadOnlyStringWrapper combinationText = new ReadOnlyStringWrapper(this, "combinationText", "");
    private final ReadOnlyStringWrapper derivedSchema = new ReadOnlyStringWrapper(this, "derivedSchema", "");
    private final ReadOnlyStringWrapper renderedSystem = new ReadOnlyStringWrapper(this, "renderedSystem", "");
    private final ReadOnlyStringWrapper renderedUser = new ReadOnlyStringWrapper(this, "renderedUser", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<String> problemsReadOnly = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final StringProperty demoDataset = new SimpleStringProperty(this, "demoDataset", "");
    private final ObjectProperty<DemonstrationStrategy> demoStrategy =
            new SimpleObjectProperty<>(this, "demoStrategy", DemonstrationStrategy.RANDOM);
    private final ObjectProperty<Integer> demoK = new SimpleObjectProperty<>(this, "demoK", 4);
    private final StringProperty demoText = new SimpleStringProperty(this, "demoText", "text");
    private final StringProperty demoLabel = new SimpleStringProperty(this, "demoLabel", "label");
    private final StringProperty demoIds = new SimpleStringProperty(this, "demoIds", "");
    private final ObjectProperty<Long> demoSeed = new SimpleObjectProperty<>(this, "demoSeed", 0L);

    public PromptStudioViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks) {
        this.project = project;
        this.tasks = tasks;
        this.judged = new JudgedSampleChoice(project, tasks, status::set);
        for (Observable o : List.of(name, mode, scaleKind, scaleMin, scaleMax, role, purpose, format, labels, rationale,
                confidence, systemTemplate, userTemplate, conditions, planKind, planSeed, outputSchema, sampleRecord,
                combinationIndex, demoDataset, demoStrategy, demoK, demoText, demoLabel, demoIds, demoSeed,
                judged.currentProperty(), judged.conditionsProperty())) {
            o.addListener(x -> refresh());
        }
        // What a preview's samples were made with: the draft's parts (not the record or combination shown) and the
        // run a judge scores.
        for (Observable o : List.of(mode, scaleKind, scaleMin, scaleMax, role, purpose, format, labels, rationale,
                confidence, systemTemplate, userTemplate, conditions, planKind, planSeed, outputSchema, demoDataset,
                demoStrategy, demoK, demoText, demoLabel, demoIds, demoSeed, judged.runProperty())) {
            if (o instanceof ObservableValue<?> value) {
                // A change listener, not an invalidation one: it hears every edit, read or not.
                value.addListener((obs, was, now) -> draftEdits.set(draftEdits.get() + 1));
            } else {
                o.addListener(x -> draftEdits.set(draftEdits.get() + 1));
            }
        }
        // A judge is rendered against a sample of another run: the runs are read when they are needed.
        mode.addListener((obs, was, now) -> {
            if (now == PromptMode.JUDGE) {
                dropLabelsTheJudgeDoesNotShow();
                judged.loadRuns();
            }
        });
        project.addListener((obs, was, now) -> {
            reloadVersions(null);
            if (mode.get() == PromptMode.JUDGE) {
                judged.loadRuns();
            }
        });
        newPrompt();
        reloadVersions(null);
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

    // ---- versions -------------------------------------------------------------------------------------

    /** Every saved version of every prompt, prompts by name, newest version first. */
    public ObservableList<StoredVersion> versions() {
        return versionsReadOnly;
    }

    /** The saved version the draft started from; null for a new prompt. */
    public ReadOnlyObjectProperty<StoredVersion> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Loads {@code version} into the draft. */
    public void open(StoredVersion version) {
        Project open = project.get();
        tasks.execute(BackgroundTask.of("Loading prompt " + version.name() + " v" + version.version(),
                        progress -> open.prompts().load(version.id())).quiet()
                .onSuccess(v -> {
                    edit(v);
                    loaded.set(version);
                    status.set("Editing " + version.name() + " v" + version.version());
                })
                .onFailure(e -> status.set(e.getMessage())));
    }

    /** Starts a new prompt from a small working example. */
    public void newPrompt() {
        edit(new PromptVersion("new-prompt", "", PromptMode.ANNOTATE,
                new TaskSpec("You label customer questions.", "Pick the one intent that fits best.",
                        "Reply with JSON {\"label\": …}.", List.of(new Label("card_arrival", "card not yet received", null),
                        new Label("lost_or_stolen_card", "card lost or stolen", null)), false, false),
                new Template("{{task.role}} {{task.purpose}} {{task.format}}",
                        "{{#condition.tone}}Tone: {{condition.tone}}\n{{/condition.tone}}Q: {{text}}\nA:"),
                List.of(Condition.of("tone", "angry", "polite")), Plan.of(PlanKind.ALL, 0), null, null));
        loaded.set(null);
    }

    /** Saves the draft as the next version of its prompt, with the note, and selects it. */
    public void save() {
        Project open = project.get();
        PromptVersion draft;
        try {
            draft = draft();
        } catch (RuntimeException e) {
            status.set("Cannot save: " + e.getMessage());
            return;
        }
        if (open == null) {
            status.set("Cannot save: no project is open");
            return;
        }
        tasks.execute(BackgroundTask.of("Saving prompt " + draft.name(), progress -> open.prompts().save(draft))
                .onSuccess(saved -> {
                    loaded.set(saved);
                    status.set("Saved " + saved.name() + " v" + saved.version());
                    reloadVersions(saved);
                })
                .onFailure(e -> status.set("Cannot save: " + e.getMessage())));
    }

    /** Shows the line diff between two versions of one prompt in {@link #diff()}. */
    public void compare(StoredVersion older, StoredVersion newer) {
        Project open = project.get();
        if (!older.name().equals(newer.name())) {
            status.set("Only versions of the same prompt can be compared");
            return;
        }
        tasks.execute(BackgroundTask.of("Comparing versions",
                        progress -> open.prompts().diff(older.name(), older.version(), newer.version())).quiet()
                .onSuccess(diff::setAll)
                .onFailure(e -> status.set(e.getMessage())));
    }

    public ObservableList<DiffLine> diff() {
        return diffReadOnly;
    }

    private void reloadVersions(StoredVersion select) {
        Project open = project.get();
        if (open == null) {
            versions.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Listing prompts", progress -> {
                    List<StoredVersion> all = new ArrayList<>();
                    for (StoredVersion newest : open.prompts().list()) {
                        List<StoredVersion> of = new ArrayList<>(open.prompts().versions(newest.name()));
                        java.util.Collections.reverse(of);
                        all.addAll(of);
                    }
                    return all;
                }).quiet()
                .onSuccess(all -> {
                    if (open == project.get()) {
                        versions.setAll(all);
                        loaded.set(select);
                    }
                })
                .onFailure(e -> status.set(e.getMessage())));
    }

    // ---- the draft ------------------------------------------------------------------------------------

    private void edit(PromptVersion v) {
        name.set(v.name());
        note.set(v.note());
        JudgeScale scale = v.scale() == null || v.scale().kind() == JudgeScale.Kind.PASS_FAIL
                ? JudgeScale.DEFAULT : v.scale();
        scaleKind.set(v.scale() == null ? JudgeScale.Kind.SCORE : v.scale().kind());
        scaleMin.set(plain(scale.min()));
        scaleMax.set(plain(scale.max()));
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
        JsonNode schema = v.mode() == PromptMode.SYNTHESIZE && v.output() != null ? v.output().schema() : null;
        outputSchema.set(schema == null ? "" : schema.toPrettyString());
        combinationIndex.set(0);
        refresh();
    }

    /**
     * The draft as a prompt version.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public PromptVersion draft() {
        TaskSpec task = new TaskSpec(role.get(), purpose.get(), format.get(), LabelLines.parse(labels.get()),
                rationale.get(), confidence.get());
        OutputSpec output = null;
        if (mode.get() == PromptMode.SYNTHESIZE && !outputSchema.get().isBlank()) {
            try {
                output = new OutputSpec(JSON.readTree(outputSchema.get()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("output schema: line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            }
        }
        boolean judge = mode.get() == PromptMode.JUDGE;
        // A judge declares no conditions (it sees the judged sample's): the hidden ones stay for the other modes.
        return new PromptVersion(name.get(), note.get(), mode.get(), task,
                new Template(systemTemplate.get(), userTemplate.get()), judge ? List.of() : conditions,
                Plan.of(planKind.get(), planSeed.get()), demonstrationsDraft(), output, judge ? scaleDraft() : null);
    }

    /** The judge's scale as edited. */
    private JudgeScale scaleDraft() {
        if (scaleKind.get() == JudgeScale.Kind.PASS_FAIL) {
            return new JudgeScale(JudgeScale.Kind.PASS_FAIL, null, null);
        }
        return new JudgeScale(JudgeScale.Kind.SCORE, number("scale min", scaleMin.get()),
                number("scale max", scaleMax.get()));
    }

    private static double number(String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(text.isBlank() ? field + ": empty; type a number"
                : field + ": '" + text.strip() + "' is not a number");
    }

    /** A number as typed by hand: 1 rather than 1.0, and no digit lost. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The demonstrations as edited; none while no dataset is named. */
    private Demonstrations demonstrationsDraft() {
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
            return new Demonstrations(demoDataset.get().strip(), demoStrategy.get(), demoK.get(), demoText.get(),
                    demoLabel.get(), ids, demoSeed.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demonstrations: " + e.getMessage(), e);
        }
    }

    /** Writes the draft as a prompt file to {@code file}. */
    public void exportTo(Path file) {
        String json;
        try {
            json = draftAsJson();
        } catch (RuntimeException e) {
            status.set("Cannot export: " + e.getMessage());
            return;
        }
        tasks.execute(BackgroundTask.of("Exporting prompt", progress -> Files.writeString(file, json)).quiet()
                .onSuccess(written -> status.set("Exported to " + file))
                .onFailure(e -> status.set("Cannot export to " + file + ": " + e.getMessage())));
    }

    /** Reads a prompt file into the draft; saving it then makes it a version. A bad file leaves the draft as it was. */
    public void importFrom(Path file) {
        tasks.execute(BackgroundTask.of("Importing prompt", progress -> PromptFile.read(file)).quiet()
                .onSuccess(v -> {
                    edit(v);
                    loaded.set(null);
                    status.set("Imported " + file.getFileName() + "; save it to make it a version of '" + v.name() + "'");
                })
                .onFailure(e -> status.set(e.getMessage())));
    }

    /** Renders the draft again and lists what is wrong with it. */
    private void refresh() {
        List<String> found = new ArrayList<>();
        PromptVersion draft;
        try {
            draft = draft();
        } catch (RuntimeException e) {
            problems.setAll(e.getMessage());
            return;
        }
        Context context = context(draft, found);
        boolean judge = draft.mode() == PromptMode.JUDGE;
        Map<String, String> conditionValues = judge ? context.conditions() : combination(draft, found);
        found.addAll(PromptValidator.problems(draft));
        derivedSchema.set(draft.mode() != PromptMode.SYNTHESIZE ? draft.outputSchema().schema().toPrettyString() : "");
        Placeholders placeholders = context.placeholders(draft);
        List<String> unknown = new ArrayList<>(placeholders.unknown(draft.template().system()));
        placeholders.unknown(draft.template().user()).stream().filter(n -> !unknown.contains(n)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            found.add((judge ? "the judged sample has no " : "the sample record has no ")
                    + String.join(", ", unknown.stream().map(n -> "{{" + n + "}}").toList()));
        }
        if (draft.demonstrations() != null && draft.demonstrations().k() > 0) {
            found.add("demonstrations from '" + draft.demonstrations().dataset()
                    + "' are picked when a run starts; the preview shows the prompt without them");
        }
        try {
            PromptRenderer renderer = new PromptRenderer(draft);
            RenderedPrompt rendered = judge
                    ? renderer.renderJudged(context.record(), conditionValues, List.of(), context.sample())
                    : renderer.render(context.record(), conditionValues, List.of());
            renderedSystem.set(rendered.system());
            renderedUser.set(rendered.user());
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
        }
        problems.setAll(found.stream().distinct().toList());
    }

    /** The value combination the preview shows, of the "all" plan over the switched-on values. */
    private Map<String, String> combination(PromptVersion draft, List<String> found) {
        ConditionPlan plan = new ConditionPlan(Plan.of(PlanKind.ALL, 0), draft.conditions());
        combinations.set(plan.combinations());
        Map<String, String> combination = Map.of();
        if (plan.combinations() > 0) {
            int index = (int) Math.min(Math.max(0, combinationIndex.get()), plan.combinations() - 1);
            combination = plan.first(index + 1).get(index);
        } else {
            found.add("conditions: a switched-on condition has every value switched off");
        }
        combinationText.set(combination.isEmpty() ? "no condition switched on"
                : String.join(", ", combination.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()));
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
    private record Context(Map<String, Object> record, Map<String, String> conditions, Map<String, Object> sample,
                           Set<String> judgedConditions) {

        Placeholders placeholders(PromptVersion draft) {
            return new Placeholders(draft, record.keySet(), null, sample == null ? null : sample.keySet(),
                    judgedConditions);
        }
    }

    /**
     * A judge's context is the chosen judged sample, or, until there is one, an example made of the sample record
     * (its {@code text} column as the sample's text); the others' is the sample record.
     */
    private Context context(PromptVersion draft, List<String> found) {
        RunPlanner.Judged shown = judged.currentProperty().get();
        Set<String> declared = judged.conditionsProperty().get();
        if (draft.mode() == PromptMode.JUDGE && shown != null) {
            return new Context(shown.record(), shown.sample().conditions(), shown.asSample(), declared);
        }
        Map<String, Object> record = record(found);
        if (draft.mode() != PromptMode.JUDGE) {
            return new Context(record, Map.of(), null, null);
        }
        Object text = record.get("text");
        return new Context(record, Map.of(), RunPlanner.Judged.sampleView(Map.of(), 0, text == null ? "" : text.toString(),
                null, null, null), declared);
    }

    private Map<String, Object> record(List<String> found) {
        if (mode.get() == PromptMode.SYNTHESIZE) {
            return Map.of();
        }
        try {
            JsonNode node = JSON.readTree(sampleRecord.get());
            Map<String, Object> record = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> record.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            return record;
        } catch (JsonProcessingException e) {
            found.add("sample record: line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage());
            return Map.of();
        }
    }

    /** The tags of {@code template}, each marked known or not against the draft and the sample record. */
    public List<Placeholder> placeholders(String template) {
        try {
            PromptVersion draft = draft();
            return context(draft, new ArrayList<>()).placeholders(draft).scan(template);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Picks one of the combinations at random for the preview. */
    public void randomCombination() {
        long n = combinations.get();
        if (n > 0) {
            combinationIndex.set(combinationDice.nextInt((int) Math.min(n, Integer.MAX_VALUE)));
        }
    }

    /** The draft as a prompt file, for export. */
    public String draftAsJson() {
        return PromptFile.write(draft());
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
            status.set("");
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        }
    }

    // ---- properties -----------------------------------------------------------------------------------

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<PromptMode> modeProperty() {
        return mode;
    }

    /** A judge's scale: a score from min to max, or pass/fail. */
    public ObjectProperty<JudgeScale.Kind> scaleKindProperty() {
        return scaleKind;
    }

    /** A judge's lowest score, as typed. */
    public StringProperty scaleMinProperty() {
        return scaleMin;
    }

    /** A judge's highest score, as typed. */
    public StringProperty scaleMaxProperty() {
        return scaleMax;
    }

    /** The run whose answered samples a judge draft is rendered and previewed with. */
    public JudgedSampleChoice judged() {
        return judged;
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

    /** The columns of the record the preview renders, as a JSON object. */
    public StringProperty sampleRecordProperty() {
        return sampleRecord;
    }

    /** Which combination of the switched-on values the preview uses, in the order of the "all" plan. */
    public IntegerProperty combinationIndexProperty() {
        return combinationIndex;
    }

    /**
     * Counts the edits of the draft (and changes of the run to judge): a preview made at one count no longer
     * describes the draft at another.
     */
    public ReadOnlyLongProperty draftEditsProperty() {
        return draftEdits.getReadOnlyProperty();
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

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }
}
