package io.siftbench.views.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.ConditionValue;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.DiffLine;
import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.testing.HeldTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's view model on a real project file, its background work run on the calling thread. */
class PromptStudioViewModelTest {

    @TempDir
    Path dir;

    private Project project;
    private PromptStudioViewModel studio;

    @BeforeEach
    void open() {
        project = new H2ProjectOpener().open(dir.resolve("project"));
        studio = new PromptStudioViewModel(
                new SimpleObjectProperty<>(project)
                        .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void rendersTheDraftAndFollowsEveryEdit() {
        studio.draft()
                .userTemplateProperty()
                .set("{{#condition.tone}}Tone: {{condition.tone}}. {{/condition.tone}}Q: {{text}}");

        assertThat(studio.livePreview().renderedUserProperty().get())
                .isEqualTo("Tone: angry. Q: I am still waiting on my card?");
        studio.livePreview().combinationIndexProperty().set(1);
        assertThat(studio.livePreview().renderedUserProperty().get()).startsWith("Tone: polite.");
        studio.draft().renameValue(0, 1, "courteous");
        assertThat(studio.livePreview().renderedUserProperty().get()).startsWith("Tone: courteous.");
        studio.draft().switchValue(0, 1, false);
        assertThat(studio.livePreview().combinationsProperty().get()).isEqualTo(1);
        assertThat(studio.livePreview().renderedUserProperty().get()).startsWith("Tone: angry.");
        studio.draft().switchCondition(0, false);
        assertThat(studio.livePreview().renderedUserProperty().get()).isEqualTo("Q: I am still waiting on my card?");
        studio.livePreview().sampleRecordProperty().set("{\"text\": \"Card lost\"}");
        assertThat(studio.livePreview().renderedUserProperty().get()).isEqualTo("Q: Card lost");
    }

    @Test
    void versionsListedOrOpenedForAProjectClosedSinceAreNotShown() {
        studio.draft().nameProperty().set("alpha");
        studio.versions().save();
        HeldTasks held = new HeldTasks();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        PromptStudioViewModel late = new PromptStudioViewModel(
                open.map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())), held);
        late.versions().open(studio.versions().all().get(0));

        try (Project second = new H2ProjectOpener().open(dir.resolve("second"))) {
            PromptStudioViewModel inSecond = new PromptStudioViewModel(
                    new SimpleObjectProperty<>(second)
                            .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                    new CurrentThreadTaskExecutor());
            inSecond.draft().nameProperty().set("bravo");
            inSecond.versions().save();
            open.set(second);
            held.run(0);
            held.run(1);

            assertThat(late.versions().all())
                    .as("the first project's listing came too late")
                    .isEmpty();
            assertThat(late.draft().nameProperty().get())
                    .as("nor is its version opened")
                    .isEqualTo("new-prompt");
            assertThat(late.versions().loadedProperty().get()).isNull();
            held.run(2);
            assertThat(late.versions().all()).extracting(StoredVersion::name).containsExactly("bravo");
        }
    }

    @Test
    void editsConditionValuesAndReportsRefusedEdits() {
        studio.draft().editCondition(0, c -> c.pasteValues("curt\nfriendly\nangry"));
        studio.draft().editCondition(0, c -> c.duplicateValue(0).moveValue(4, 0));
        studio.draft().weighValue(0, 1, 3);

        assertThat(studio.draft().conditions().get(0).values())
                .extracting(ConditionValue::value)
                .containsExactly("friendly", "angry", "angry (copy)", "polite", "curt");
        assertThat(studio.draft().conditions().get(0).values().get(1).weight()).isEqualTo(3.0);
        studio.draft().renameValue(0, 0, "polite");
        assertThat(studio.messageProperty().get()).contains("'polite' twice");
        assertThat(studio.draft().conditions().get(0).values().get(0).value()).isEqualTo("friendly");
        studio.draft().weighValue(0, 0, -1);
        assertThat(studio.messageProperty().get()).contains("must be a number >= 0");
    }

    @Test
    void flagsPlaceholdersNothingFills() {
        studio.draft().userTemplateProperty().set("{{condition.tnoe}} {{intent}} {{text}}");

        assertThat(studio.livePreview().problems()).anyMatch(p -> p.contains("{{condition.tnoe}}"));
        assertThat(studio.livePreview()
                        .placeholders(studio.draft().userTemplateProperty().get()))
                .extracting(p -> p.name() + "=" + p.known())
                .containsExactly("condition.tnoe=false", "intent=false", "text=true");
        studio.livePreview().sampleRecordProperty().set("{\"text\": \"x\", \"intent\": \"y\"}");
        assertThat(studio.livePreview()
                        .placeholders(studio.draft().userTemplateProperty().get()))
                .extracting(p -> p.name() + "=" + p.known())
                .containsExactly("condition.tnoe=false", "intent=true", "text=true");
    }

    @Test
    void showsWhatThePromptFileWouldBeRefusedForUnderTheRenderedPromptAndSavesNothing() {
        studio.draft().userTemplateProperty().set("Q: {{text");
        assertThat(studio.livePreview().problems())
                .contains("template.user: the tag '{{text' at line 1, column 4 is not closed with }}");
        assertThat(studio.livePreview().renderedUserProperty().get())
                .as("typing goes on, the preview too")
                .isEqualTo("Q: {{text");

        studio.draft().userTemplateProperty().set("{{#text}}".repeat(5000) + "{{/text}}".repeat(5000));
        assertThat(studio.livePreview().problems())
                .contains(
                        "template.user: sections nest 5000 deep at line 1, column 44992;" + " at most 50 are allowed");

        studio.draft().userTemplateProperty().set("{{record}}");
        assertThat(studio.livePreview().renderedUserProperty().get())
                .isEqualTo("{\"text\": \"I am still waiting on my card?\"}");

        studio.draft().nameProperty().set("intent@2");
        studio.draft().demoDatasetProperty().set("b77");
        studio.draft().demoKProperty().set(51);
        assertThat(studio.livePreview().problems())
                .contains(
                        "name: a prompt name cannot contain '@' (character 7): it separates the name from the version in NAME@V",
                        "demonstrations.k: at most 50 demonstrations a prompt, not 51");
        studio.versions().save();
        assertThat(studio.messageProperty().get()).startsWith("Cannot save: Cannot save prompt 'intent@2': name: ");
        assertThat(project.prompts().list()).isEmpty();
    }

    @Test
    void savesVersionsOpensThemAgainAndDiffsThem() {
        studio.draft().nameProperty().set("intents");
        studio.draft().noteProperty().set("first");
        studio.versions().save();
        studio.draft().userTemplateProperty().set("Question: {{text}}");
        studio.draft().noteProperty().set("shorter");
        studio.versions().save();

        assertThat(studio.versions().all()).extracting(StoredVersion::version).containsExactly(2, 1);
        assertThat(studio.versions().loadedProperty().get().version()).isEqualTo(2);
        assertThat(project.prompts().load("intents", 2).template().user()).isEqualTo("Question: {{text}}");

        studio.versions().open(studio.versions().all().get(1));
        assertThat(studio.draft().userTemplateProperty().get()).startsWith("{{#condition.tone}}");
        assertThat(studio.draft().modeProperty().get()).isEqualTo(PromptMode.ANNOTATE);
        studio.versions()
                .compare(studio.versions().all().get(1), studio.versions().all().get(0));
        assertThat(studio.versions().diff())
                .filteredOn(l -> l.kind() == DiffLine.Kind.ADDED)
                .extracting(DiffLine::text)
                .contains("    \"user\" : \"Question: {{text}}\"");
    }

    @Test
    void switchingToJudgeKeepsTheLabelsOnlyWhenTheTemplateShowsThem() {
        // The example draft's template does not show its labels: a judge answers with a score, so they go.
        assertThat(studio.draft().version().task().labels()).hasSize(2);
        studio.draft().modeProperty().set(PromptMode.JUDGE);
        assertThat(studio.draft().labelsProperty().get()).isEmpty();
        assertThat(studio.draft().version().task().labels()).isEmpty();

        studio.newPrompt();
        studio.draft().userTemplateProperty().set("Labels: {{#labels}}{{name}} {{/labels}}\nQ: {{text}}");
        studio.draft().modeProperty().set(PromptMode.JUDGE);
        assertThat(studio.draft().version().task().labels())
                .extracting(l -> l.name())
                .containsExactly("card_arrival", "lost_or_stolen_card");
        assertThat(studio.livePreview().renderedUserProperty().get())
                .startsWith("Labels: card_arrival lost_or_stolen_card ");
    }

    @Test
    void openingAJudgeVersionKeepsItsOwnLabels() {
        studio.draft().modeProperty().set(PromptMode.JUDGE);
        studio.draft().labelsProperty().set("faithful");
        studio.draft().nameProperty().set("judge");
        studio.versions().save();
        studio.newPrompt();

        studio.versions().open(studio.versions().all().get(0));

        assertThat(studio.draft().modeProperty().get()).isEqualTo(PromptMode.JUDGE);
        assertThat(studio.draft().version().task().labels())
                .extracting(l -> l.name())
                .containsExactly("faithful");
    }

    @Test
    void anInvalidDraftIsNotSaved() {
        studio.draft().labelsProperty().set("");
        studio.versions().save();

        assertThat(studio.messageProperty().get()).contains("task.labels: annotate needs at least one label");
        assertThat(project.prompts().list()).isEmpty();
    }

    @Test
    void editsTheDemonstrationsAndSaysWhenTheirDatasetIsNotInTheProject() {
        studio.draft().demoDatasetProperty().set("b77");
        studio.draft().demoStrategyProperty().set(DemonstrationStrategy.FIXED);
        studio.draft().demoIdsProperty().set("3, 17 42");
        studio.draft().demoKProperty().set(3);

        assertThat(studio.draft().version().demonstrations().ids()).containsExactly(3L, 17L, 42L);
        assertThat(studio.livePreview().problems()).contains("demonstrations: the project has no dataset 'b77'");
        studio.draft().demoIdsProperty().set("3, x");
        assertThat(studio.livePreview().problems()).containsExactly("demonstrations ids: 'x' is not a record id");
        studio.draft().demoDatasetProperty().set("");
        assertThat(studio.draft().version().demonstrations()).isNull();
    }

    @Test
    void exportsAndImportsPromptFilesAndABadFileLeavesTheDraft() throws Exception {
        Path file = dir.resolve("exported.json");
        studio.draft().nameProperty().set("exported");
        studio.files().exportTo(file);
        assertThat(PromptFile.read(file).name()).isEqualTo("exported");

        Files.writeString(file, Files.readString(file).replace("\"exported\"", "\"imported\""));
        studio.files().importFrom(file);
        assertThat(studio.draft().nameProperty().get()).isEqualTo("imported");
        assertThat(studio.versions().loadedProperty().get()).isNull();

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"name\": 1,\n  \"mode\": \"nope\"\n}");
        studio.files().importFrom(broken);
        assertThat(studio.messageProperty().get())
                .startsWith(broken + ": line 3, column")
                .contains("nope");
        assertThat(studio.draft().nameProperty().get()).isEqualTo("imported");
    }

    @Test
    void designsAJudgeOnAScaleAndSavesNoScaleThatIsNotOne() {
        studio.draft().nameProperty().set("faithful");
        studio.draft().modeProperty().set(PromptMode.JUDGE);

        // The example's tone condition stays for annotation, but a judge declares none, so nothing complains.
        assertThat(studio.draft().version().conditions()).isEmpty();
        assertThat(studio.draft().conditions()).hasSize(1);
        assertThat(studio.livePreview().problems()).noneMatch(p -> p.startsWith("conditions"));
        assertThat(studio.draft().scale().minProperty().get()).isEqualTo("1");
        assertThat(studio.draft().scale().maxProperty().get()).isEqualTo("5");
        assertThat(studio.livePreview().derivedSchemaProperty().get())
                .contains("\"score\"", "\"minimum\" : 1.0", "\"maximum\" : 5.0", "\"reason\"")
                .doesNotContain("card_arrival");

        studio.draft().scale().minProperty().set("low");
        assertThat(studio.livePreview().problems()).containsExactly("scale min: 'low' is not a number");
        studio.versions().save();
        assertThat(studio.messageProperty().get()).isEqualTo("Cannot save: scale min: 'low' is not a number");
        studio.draft().scale().minProperty().set("7");
        assertThat(studio.livePreview().problems())
                .containsExactly("the scale's min (7.0) must be below its max (5.0)");
        studio.versions().save();
        assertThat(studio.messageProperty().get())
                .isEqualTo("Cannot save: the scale's min (7.0) must be below its max (5.0)");
        studio.draft().scale().maxProperty().set(" ");
        studio.versions().save();
        assertThat(studio.messageProperty().get()).isEqualTo("Cannot save: scale max: empty; type a number");
        assertThat(project.prompts().list()).isEmpty();

        studio.draft().scale().minProperty().set("0");
        studio.draft().scale().maxProperty().set("10");
        assertThat(studio.livePreview().derivedSchemaProperty().get()).contains("\"maximum\" : 10.0");
        studio.versions().save();
        studio.draft().scale().kindProperty().set(JudgeScale.Kind.PASS_FAIL);
        assertThat(studio.livePreview().derivedSchemaProperty().get())
                .contains("\"pass\"", "\"boolean\"")
                .doesNotContain("score");
        studio.versions().save();

        assertThat(project.prompts().load("faithful", 1).scale())
                .isEqualTo(new JudgeScale(JudgeScale.Kind.SCORE, 0.0, 10.0));
        assertThat(project.prompts().load("faithful", 1).conditions()).isEmpty();
        assertThat(project.prompts().load("faithful", 2).scale().kind()).isEqualTo(JudgeScale.Kind.PASS_FAIL);
        studio.versions().open(studio.versions().all().get(1));
        assertThat(studio.draft().scale().kindProperty().get()).isEqualTo(JudgeScale.Kind.SCORE);
        assertThat(studio.draft().scale().maxProperty().get()).isEqualTo("10");
        studio.draft().modeProperty().set(PromptMode.ANNOTATE);
        assertThat(studio.draft().version().scale()).isNull();
    }

    @Test
    void knowsTheJudgedSamplesPlaceholdersAndStillFlagsTheOthers() {
        String template = "Q: {{record.text}} {{text}} Label: {{sample.label}} Text: {{sample.text}} #{{sample.id}}"
                + " {{condition.tone}} {{sample.score}} {{mood}}";
        studio.draft().userTemplateProperty().set(template);
        assertThat(unknown(template))
                .containsExactly("sample.label", "sample.text", "sample.id", "sample.score", "mood");

        studio.draft().modeProperty().set(PromptMode.JUDGE);

        // No run to judge in this project: an example sample, made of the sample record, stands in.
        assertThat(studio.judged().runs()).isEmpty();
        assertThat(studio.judged().textProperty().get())
                .isEqualTo("No run to judge is chosen: an example sample stands in.");
        assertThat(unknown(template)).containsExactly("sample.score", "mood");
        assertThat(studio.livePreview().problems()).contains("the judged sample has no {{sample.score}}, {{mood}}");
        assertThat(studio.livePreview().renderedUserProperty().get())
                .startsWith(
                        "Q: I am still waiting on my card? I am still waiting on my card? Label:  Text: I am still waiting on my card? #0");
        studio.draft().userTemplateProperty().set("{{sample.text}} {{condition.tone}}");
        assertThat(studio.livePreview().problems()).noneMatch(p -> p.contains("{{"));
    }

    private java.util.List<String> unknown(String template) {
        return studio.livePreview().placeholders(template).stream()
                .filter(p -> !p.known())
                .map(p -> p.name())
                .toList();
    }

    @Test
    void showsTheSchemaDerivedFromTheLabelsWhenAnnotating() {
        studio.draft().labelsProperty().set("card_arrival | not yet here\nrefund | money back | give back");

        assertThat(studio.livePreview().derivedSchemaProperty().get()).contains("\"card_arrival\"", "\"give back\"");
        assertThat(studio.draft().version().task().labels().get(1).verbalizer()).isEqualTo("give back");
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        assertThat(studio.livePreview().derivedSchemaProperty().get()).isEmpty();
    }
}
