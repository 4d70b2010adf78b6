package io.siftbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.prompts.Template;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.compare.CompareSources;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Compare starts the runs its variants need through the Runs screen's machinery, against a loopback server,
 * reuses them when the same comparison is asked for again, and says which variant's run failed and why: a real
 * project, real runs, real requests.
 */
class CompareVariantsTest {

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private RunsViewModel runs;

    @Test
    void aSecondPromptVersionStartsOneRunOverTheSameInputsAndComparingAgainReusesIt() throws Exception {
        Project project = fixture.project();
        RunInfo base = answeredBase();
        StoredVersion v2 = project.prompts()
                .save(project.prompts()
                        .load(base.config().promptVersionId())
                        .withTemplate(new Template(null, "Question: {{text}}"))
                        .withNote("a longer cue"));
        CompareViewModel compare = compareViewModel();
        compare.baseProperty().set(base);
        assertThat(compare.versions()).extracting(StoredVersion::id).containsExactly(v2.id());
        compare.addVersion(v2);
        int requestsBefore = fixture.server().chatRequests();

        compare.compareVariants();

        List<RunInfo> stored = project.runs().list();
        assertThat(stored).hasSize(2);
        RunInfo started = stored.get(0);
        assertThat(started.config()).isEqualTo(base.config().withPromptVersion(v2.id()));
        assertThat(fixture.server().chatRequests() - requestsBefore)
                .as("one request per input")
                .isEqualTo(5);
        assertThat(compare.variants()).extracting(RunInfo::id).containsExactly(base.id(), started.id());
        assertThat(compare.variantName(1)).isEqualTo("intent v2");
        assertAlignedByInput(compare, 5);
        assertThat(compare.rows()).allSatisfy(row -> {
            assertThat(lastUserMessage(row.cells().get(0))).startsWith("Q: ");
            assertThat(lastUserMessage(row.cells().get(1))).startsWith("Question: ");
        });
        assertThat(compare.messageProperty().get()).startsWith("Started 1, reused 0 of the variants' runs.");

        compare.compareVariants();

        assertThat(project.runs().list()).as("no new run").hasSize(2);
        assertThat(fixture.server().chatRequests() - requestsBefore)
                .as("no new request")
                .isEqualTo(5);
        assertThat(compare.variants()).extracting(RunInfo::id).containsExactly(base.id(), started.id());
        assertAlignedByInput(compare, 5);
        assertThat(compare.messageProperty().get()).startsWith("Started 0, reused 1 of the variants' runs.");
    }

    @Test
    void aConditionSwitchedOffRunsAPromptVersionWithoutItOverTheSameRecords() throws Exception {
        Project project = fixture.project();
        DatasetInfo questions =
                fixture.importCsv("toned", "text\nwhere is my card\nmy pin is blocked\n" + "exchange rate please\n");
        StoredVersion toned = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "toned", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                 "template": {"user": "{{#condition.tone}}Tone: {{condition.tone}}\\n{{/condition.tone}}Q: {{text}}"},
                 "conditions": [{"name": "tone", "values": [{"value": "angry"}]}]}
                """,
                        "toned.json"));
        RunDetails details = RunDetails.of(null, GenerationParameters.DEFAULT);
        RunInfo base = fixture.launcher()
                .create(new RunConfig(
                        toned.id(),
                        toned.mode(),
                        fixture.backend(),
                        details.toJson(),
                        questions.id(),
                        3,
                        2,
                        3,
                        1,
                        details.toJson()));
        fixture.launcher().execute(base.id(), (s, p) -> {}, () -> false);
        CompareViewModel compare = compareViewModel();
        compare.baseProperty().set(project.runs().find(base.id()).orElseThrow());
        assertThat(compare.conditions()).extracting(c -> c.name()).containsExactly("tone");

        compare.addCondition("tone", List.of());
        compare.compareVariants();

        assertThat(project.prompts().versions("toned"))
                .extracting(StoredVersion::note)
                .containsExactly("", "compare: tone off");
        assertThat(project.runs().list()).hasSize(2);
        assertThat(compare.variantName(1)).isEqualTo("tone off");
        assertAlignedByInput(compare, 3);
        assertThat(compare.rows()).allSatisfy(row -> {
            assertThat(lastUserMessage(row.cells().get(0))).startsWith("Tone: angry\nQ: ");
            assertThat(lastUserMessage(row.cells().get(1))).startsWith("Q: ");
            assertThat(row.cells().get(1).sample().conditions()).isEmpty();
        });
    }

    @Test
    void aVariantWhosePromptVersionCannotBePlannedSaysWhyInsteadOfStarting() throws Exception {
        Project project = fixture.project();
        RunInfo base = answeredBase();
        StoredVersion unplannable = project.prompts()
                .save(project.prompts()
                        .load(base.config().promptVersionId())
                        .withDemonstrations(new Demonstrations(
                                "gone", DemonstrationStrategy.RANDOM, 2, "text", null, List.of(), 1L))
                        .withNote("demonstrations from a dataset this project has not"));
        CompareViewModel compare = compareViewModel();
        compare.baseProperty().set(base);
        compare.addVersion(unplannable);
        int requestsBefore = fixture.server().chatRequests();

        compare.compareVariants();

        RunInfo started = project.runs().list().get(0);
        assertThat(started.config().promptVersionId()).isEqualTo(unplannable.id());
        assertThat(fixture.server().chatRequests()).as("nothing sent").isEqualTo(requestsBefore);
        assertThat(compare.messageProperty().get())
                .isEqualTo("Started 1, reused 0 of the variants' runs. 5 rows over"
                        + " 2 runs. intent v2: Run #" + started.id()
                        + " stopped — The prompt takes its demonstrations from"
                        + " dataset 'gone', which this project has not.");
        assertThat(runs.problemProperty().get().heading()).isEqualTo("Run #" + started.id() + " stopped");

        compare.curationProperty().set(compare.curationProperty().get().withMinJudgeScore(3.0));

        assertThat(compare.messageProperty().get())
                .as("a refresh of the same comparison still says it")
                .endsWith("which this project has not.");
        compare.compare(List.of(base, started));
        assertThat(compare.messageProperty().get())
                .as("another comparison does not")
                .isEqualTo("5 rows over 2 runs.");
    }

    @Test
    void aVariantOnABackendThatCannotBeReachedSaysTheRequestsFailed() throws Exception {
        Project project = fixture.project();
        RunInfo base = answeredBase();
        CompareViewModel compare = compareViewModel();
        compare.baseProperty().set(base);
        compare.addBackend(BackendConfig.of(BackendKind.OPENAI, "127.0.0.1:8080/v1", "tiny"), null);

        compare.compareVariants();

        RunInfo started = project.runs().list().get(0);
        assertThat(started.failures()).isEqualTo(5);
        assertThat(compare.messageProperty().get())
                .startsWith("Started 1, reused 0 of the variants' runs. 5 rows over" + " 2 runs. openai tiny: Run #"
                        + started.id() + " got no answer — ")
                .contains("127.0.0.1:8080/v1/chat/completions");
    }

    /** The five-question run, answered in full: the base run the variants change. */
    private RunInfo answeredBase() throws IOException, InterruptedException {
        RunInfo base = fixture.fiveQuestionRun();
        fixture.launcher().execute(base.id(), (s, p) -> {}, () -> false);
        return fixture.project().runs().find(base.id()).orElseThrow();
    }

    private CompareViewModel compareViewModel() {
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(fixture.project());
        RunStarter starter = new RunStarter(open.map(p -> fixture.launcher()), tasks);
        runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())), tasks, starter);
        return new CompareViewModel(
                open.map(p -> new CompareSources(p.runSources(), p.decisions(), p.preferences())),
                tasks,
                starter,
                () -> BackendSettings.EMPTY,
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));
    }

    /** Every row holds one sample of each column, for the same record, and shows that record once. */
    private static void assertAlignedByInput(CompareViewModel compare, int inputs) {
        assertThat(compare.rows()).hasSize(inputs).allSatisfy(row -> {
            assertThat(row.cells()).hasSize(2).doesNotContainNull();
            Long record = row.cells().get(0).sample().slot().recordId();
            assertThat(row.cells().get(1).sample().slot().recordId()).isEqualTo(record);
            assertThat(row.key()).isEqualTo("record " + record);
        });
        assertThat(compare.rows()).extracting(CompareRow::key).doesNotHaveDuplicates();
    }

    private static String lastUserMessage(ReviewItem item) {
        List<Message> messages = item.sample().slot().messages();
        return messages.get(messages.size() - 1).content();
    }
}
