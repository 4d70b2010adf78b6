package io.siftbench.storage.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.compare.Variant;
import io.siftbench.model.compare.VariantPlan;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runs Compare needs for a base run and its variants, on a real project file: one change each, a stored
 * run reused only when it gives exactly the samples the variant asks for, a condition setting kept as one
 * prompt version however often it is compared.
 */
class VariantPlanTest {

    private static final String INTENT =
            """
            {"name": "intent", "mode": "annotate",
             "task": {"labels": [{"name": "card_arrival"}, {"name": "pin_blocked"}]},
             "template": {"user": "{{#condition.tone}}Tone: {{condition.tone}}\\n{{/condition.tone}}Q: {{record.text}}"},
             "conditions": [{"name": "tone", "values": [{"value": "angry"}, {"value": "polite"}]}]}
            """;

    @TempDir
    Path dir;

    private Project project;
    private DatasetInfo questions;
    private StoredVersion v1;
    private StoredVersion v2;
    private RunInfo base;

    @BeforeEach
    void baseRun() throws Exception {
        project = new H2ProjectOpener().open(dir.resolve("plan.mv.db"));
        Path csv = Files.writeString(dir.resolve("q.csv"), "text,category\nalpha,a\nbravo,b\ncharlie,a\ndelta,b\n");
        questions = project.datasets()
                .importFile(ImportOptions.of(csv).withName("q"), ImportProgress.NONE)
                .dataset();
        v1 = project.prompts().save(PromptFile.parse(INTENT, "intent.json"));
        v2 = project.prompts()
                .save(PromptFile.parse(INTENT.replace("Q: ", "Question: "), "intent.json")
                        .withNote("longer cue"));
        RunDetails details = RunDetails.of(3, GenerationParameters.DEFAULT).withWhere("category", "a");
        base = stored(new RunConfig(
                v1.id(),
                PromptMode.ANNOTATE,
                new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny"),
                details.toJson(),
                questions.id(),
                7,
                4,
                2,
                1,
                details.toJson()));
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void aPromptVersionVariantReusesOnlyARunThatMatchesInEverythingButConcurrency() {
        RunConfig wanted = base.config().withPromptVersion(v2.id());
        RunDetails details = RunDetails.fromJson(base.config().details());
        // Near misses: one setting each differs from what the variant needs.
        stored(new RunConfig(
                v2.id(),
                PromptMode.ANNOTATE,
                wanted.backend(),
                wanted.parameters(),
                questions.id(),
                8,
                4,
                2,
                1,
                wanted.details()));
        stored(new RunConfig(
                v2.id(),
                PromptMode.ANNOTATE,
                wanted.backend(),
                wanted.parameters(),
                questions.id(),
                7,
                4,
                2,
                3,
                wanted.details()));
        stored(wanted.withBackend(new BackendRef("openai", "http://127.0.0.1:1/v1", "small")));
        String allRecords = RunDetails.of(3, GenerationParameters.DEFAULT).toJson();
        stored(new RunConfig(
                v2.id(),
                PromptMode.ANNOTATE,
                wanted.backend(),
                wanted.parameters(),
                questions.id(),
                7,
                4,
                2,
                1,
                allRecords));
        stored(base.config());

        List<VariantPlan.Column> columns = plan(new Variant.PromptChange(v2));

        assertThat(columns).hasSize(2);
        assertThat(columns.get(0).run().id()).isEqualTo(base.id());
        assertThat(columns.get(0).name()).isEqualTo("#" + base.id() + " intent v1");
        assertThat(columns.get(1).name()).isEqualTo("intent v2");
        assertThat(columns.get(1).config()).isEqualTo(wanted);
        assertThat(columns.get(1).needsRun()).as("no stored run matches").isTrue();

        // The same settings spelled otherwise, on one request at a time: the same samples, so reused.
        RunInfo older = stored(new RunConfig(
                v2.id(),
                PromptMode.ANNOTATE,
                new BackendRef("OPENAI", "http://127.0.0.1:1/v1", "tiny"),
                wanted.parameters().replace(",", ", "),
                questions.id(),
                7,
                1,
                2,
                1,
                details.toJson().replace(",", " ,")));
        project.samples().add(RunFixture.sample(older.id(), PromptMode.ANNOTATE, 0));
        RunInfo newer = stored(wanted);
        assertThat(plan(new Variant.PromptChange(v2)).get(1).run().id())
                .as("the matching run with more samples, though older")
                .isEqualTo(older.id());
        project.samples().add(RunFixture.sample(newer.id(), PromptMode.ANNOTATE, 0));
        assertThat(plan(new Variant.PromptChange(v2)).get(1).run().id())
                .as("as complete: the newer")
                .isEqualTo(newer.id());
    }

    @Test
    void aBackendVariantChangesTheBackendAndNothingElse() {
        BackendRef ollama = new BackendRef("ollama", "http://127.0.0.1:11434", "llama3.2");

        List<VariantPlan.Column> columns = plan(new Variant.BackendChange(ollama));

        assertThat(columns.get(1).name()).isEqualTo("ollama llama3.2");
        assertThat(columns.get(1).config()).isEqualTo(base.config().withBackend(ollama));
        assertThat(columns.get(1).config().promptVersionId()).isEqualTo(v1.id());
        RunInfo match = stored(base.config().withBackend(ollama));
        assertThat(plan(new Variant.BackendChange(ollama)).get(1).run().id()).isEqualTo(match.id());
        assertThatThrownBy(() -> plan(new Variant.BackendChange(base.config().backend())))
                .hasMessageContaining("is the base run's own backend and model");
    }

    @Test
    void aConditionSettingIsSavedOnceAsTheNextPromptVersionAndReusedAfter() {
        List<VariantPlan.Column> off = plan(Variant.ConditionChange.off("tone"));

        List<StoredVersion> versions = project.prompts().versions("intent");
        assertThat(versions).hasSize(3);
        StoredVersion saved = versions.get(2);
        assertThat(saved.note()).isEqualTo("compare: tone off");
        assertThat(off.get(1).name()).isEqualTo("tone off");
        assertThat(off.get(1).config()).isEqualTo(base.config().withPromptVersion(saved.id()));
        PromptVersion derived = project.prompts().load(saved.id());
        PromptVersion original = project.prompts().load(v1.id());
        assertThat(derived.conditions()).singleElement().satisfies(c -> assertThat(c.isOn())
                .isFalse());
        assertThat(derived.withNote("").withConditions(original.conditions())).isEqualTo(original.withNote(""));

        // Compared again: the same version, and the run started for it the first time is reused.
        RunInfo started = stored(off.get(1).config());
        List<VariantPlan.Column> again = plan(Variant.ConditionChange.off("tone"));
        assertThat(project.prompts().versions("intent")).hasSize(3);
        assertThat(again.get(1).run().id()).isEqualTo(started.id());

        List<VariantPlan.Column> angry = plan(new Variant.ConditionChange("tone", List.of("angry")));
        assertThat(project.prompts().versions("intent")).hasSize(4);
        Condition narrowed = project.prompts()
                .load(angry.get(1).config().promptVersionId())
                .conditions()
                .get(0);
        assertThat(narrowed.activeValues()).extracting(v -> v.value()).containsExactly("angry");
        assertThat(project.prompts().versions("intent").get(3).note()).isEqualTo("compare: tone = angry");
    }

    @Test
    void aVariantThatChangesNothingOrMoreThanOneThingIsRefusedAndNothingIsSaved() {
        StoredVersion synthesis = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "stories", "mode": "synthesize", "template": {"user": "Write a story."},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                """,
                        "stories.json"));

        assertThatThrownBy(() -> plan(new Variant.PromptChange(synthesis)))
                .hasMessage("stories v1 synthesizes, but the base run annotates: a variant changes one thing only.");
        assertThatThrownBy(() -> plan(new Variant.PromptChange(v1)))
                .hasMessage("intent v1 is the base run's own prompt version.");
        assertThatThrownBy(() -> plan(new Variant.ConditionChange("tone", List.of("angry", "polite"))))
                .hasMessage("Prompt 'intent' has tone = angry, polite already: the variant would change nothing.");
        assertThatThrownBy(() -> plan(Variant.ConditionChange.off("length")))
                .hasMessage("Prompt 'intent' has no condition 'length'.");
        assertThatThrownBy(() -> plan(new Variant.ConditionChange("tone", List.of("bored"))))
                .hasMessage("Condition 'tone' of prompt 'intent' has no value 'bored'.");
        assertThatThrownBy(() -> plan(new Variant.PromptChange(v2), new Variant.PromptChange(v2)))
                .hasMessage("Each variant once: one of them is added twice.");
        assertThatThrownBy(() -> new VariantPlan(project.runs(), project.prompts()).plan(base, List.of()))
                .hasMessage("Add 1 to 3 variants beside the base run, not 0.");
        assertThat(project.prompts().versions("intent")).hasSize(2);
        assertThat(project.runs().list()).hasSize(1);
    }

    @Test
    void threeVariantsMakeFourColumnsInTheOrderAdded() {
        BackendRef small = new BackendRef("openai", "http://127.0.0.1:1/v1", "small");

        List<VariantPlan.Column> columns = plan(
                new Variant.PromptChange(v2), Variant.ConditionChange.off("tone"), new Variant.BackendChange(small));

        assertThat(columns)
                .extracting(VariantPlan.Column::name)
                .containsExactly("#" + base.id() + " intent v1", "intent v2", "tone off", "openai small");
        assertThat(columns.subList(1, 4)).allMatch(VariantPlan.Column::needsRun);
        assertThat(columns).extracting(c -> c.config().seed()).containsOnly(7L);
        assertThat(columns).extracting(c -> c.config().datasetId()).containsOnly(questions.id());
        assertThat(columns)
                .extracting(c -> c.config().details())
                .containsOnly(base.config().details());
    }

    private List<VariantPlan.Column> plan(Variant... variants) {
        return new VariantPlan(project.runs(), project.prompts()).plan(base, List.of(variants));
    }

    private RunInfo stored(RunConfig config) {
        return project.runs().find(project.runs().create(config)).orElseThrow();
    }
}
