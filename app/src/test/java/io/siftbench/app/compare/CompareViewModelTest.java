package io.siftbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.QuestionAnswerPipeline;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.NearDuplicateMethod;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.compare.CompareSources;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare over two prompt versions' runs on a real project: rows aligned by input, "prefer" stored as a pair. */
class CompareViewModelTest {

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY);

    @AfterEach
    void close() {
        backends.close();
        project.get().close();
    }

    /** Compare on the open project, with the Runs screen's machinery (nothing is started here). */
    private CompareViewModel compareViewModel() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        RunStarter starter = new RunStarter(
                project.map(open -> new ProjectRuns(open, backends, EmbeddingModels::miniLm).launcher()), tasks);
        return new CompareViewModel(
                project.map(p -> new CompareSources(p.runSources(), p.decisions(), p.preferences())),
                tasks,
                starter,
                () -> BackendSettings.EMPTY,
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));
    }

    @Test
    void rowsAlignByInputRecordAndPreferStoresAPreferencePair() throws Exception {
        // The second version answered the same records in another order, and one of them not at all.
        RunFixture.Compared runs = opened("compare.mv.db", 5, 4);
        List<Sample> first = runs.first();
        CompareViewModel viewModel = compareViewModel();
        assertThat(viewModel.runs()).hasSize(2);

        viewModel.compare(List.of(run(first), run(runs.second())));

        assertThat(viewModel.rows()).hasSize(5);
        for (CompareRow row : viewModel.rows().subList(0, 4)) {
            assertThat(row.cells()).doesNotContainNull();
            assertThat(row.cells().get(0).sample().slot().recordId())
                    .isEqualTo(row.cells().get(1).sample().slot().recordId());
            assertThat(row.input())
                    .startsWith("Record " + row.cells().get(0).sample().slot().recordId() + ": Q: ");
        }
        assertThat(viewModel.rows().get(4).cell(1))
                .as("record 5 has no answer from version 2")
                .isEmpty();
        assertThat(viewModel.rows())
                .extracting(CompareRow::key)
                .containsExactly("record 1", "record 2", "record 3", "record 4", "record 5");

        viewModel.prefer(2, 1);
        List<PreferenceStore.Preference> stored =
                project.get().preferences().ofRun(first.get(0).runId());
        assertThat(stored).singleElement().satisfies(p -> {
            assertThat(p.chosenSampleId())
                    .isEqualTo(viewModel.rows().get(2).cells().get(1).sampleId());
            assertThat(p.rejectedSampleId()).isEqualTo(first.get(2).id());
        });

        viewModel.accept(0, 0);
        viewModel.reject(1, 0);
        viewModel.edit(0, 1, null, "pin_blocked");
        VariantSummary firstSummary = viewModel.summaries().get(0);
        assertThat(firstSummary.acceptRate()).isCloseTo(0.5, within(1e-9));
        assertThat(firstSummary.samples()).isEqualTo(5);
        assertThat(firstSummary.failures()).isZero();
        assertThat(viewModel.summaries().get(1).labels().labels())
                .extracting(l -> l.label())
                .contains("pin_blocked");
        assertThat(project.get().decisions().current(first.get(1).id()))
                .get()
                .extracting(d -> d.status().id())
                .isEqualTo("rejected");
        assertThat(viewModel.rows().get(0).cells())
                .extracting(ReviewItem::state)
                .containsExactly("accepted", "edited");
    }

    @Test
    void everyCellShowsTheCurationFlagsOfItsRunWithTheThresholdsSet() throws Exception {
        RunFixture.Compared runs = opened("flags.mv.db", 6, 6);
        CompareViewModel viewModel = compareViewModel();
        viewModel.compare(List.of(run(runs.first()), run(runs.second())));
        // The fixture's records 1 and 4 got one dissenting vote of three: 0.67 passes the default of 0.6.
        assertThat(viewModel.rows())
                .flatExtracting(CompareRow::cells)
                .flatExtracting(ReviewItem::flags)
                .noneMatch(flag -> flag.startsWith("low self consistency"));

        viewModel
                .curationProperty()
                .set(new CurationSettings(
                        null, null, null, null, List.of(), 0.7, 0.9, null, NearDuplicateMethod.MINHASH, 0.9));

        for (int row : new int[] {0, 3}) {
            assertThat(viewModel.rows().get(row).cells()).allSatisfy(cell -> assertThat(cell.flags())
                    .anySatisfy(flag -> assertThat(flag).startsWith("low self consistency: ")));
        }
        for (int row : new int[] {1, 2, 5}) {
            assertThat(viewModel.rows().get(row).cells())
                    .allSatisfy(cell -> assertThat(cell.flags()).isEmpty());
        }
        // The fixture's annotate samples have no record text: nothing to call a duplicate.
        assertThat(viewModel.rows().get(4).cells())
                .allSatisfy(cell -> assertThat(cell.flags()).containsExactly(ReviewItem.FLAG_INVALID));
        // A decision keeps the cell's flags.
        viewModel.accept(0, 1);
        assertThat(viewModel.rows().get(0).cell(1)).get().satisfies(cell -> {
            assertThat(cell.state()).isEqualTo("accepted");
            assertThat(cell.flags()).anySatisfy(flag -> assertThat(flag).startsWith("low self consistency: "));
        });
    }

    @Test
    void aDialoguesTurnRunAndItsVariantShowTheConversationSoFarAsEachRowsInput() throws Exception {
        project.set(new H2ProjectOpener().open(dir.resolve("dialogue.mv.db")));
        Project open = project.get();
        RunInfo lastTurn;
        RunInfo variant;
        try (QuestionAnswerPipeline server = new QuestionAnswerPipeline()) {
            PipelineRunner.Outcome ran = server.run(open, QuestionAnswerPipeline.saveDialogue(open), 2);
            lastTurn = ran.stepRuns().get(4);
            // The last turn's run made again, as Compare makes a variant: it continues the same conversations.
            RunLauncher launcher = server.runs(open).launcher();
            long made = launcher.create(lastTurn.config()).id();
            launcher.execute(made, (sample, progress) -> {}, () -> false);
            variant = open.runs().find(made).orElseThrow();
        }
        CompareViewModel viewModel = compareViewModel();

        viewModel.compare(List.of(lastTurn, variant));

        assertThat(viewModel.rows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.cells()).doesNotContainNull();
            Sample shown = row.cells().get(0).sample();
            assertThat(row.cells().get(1).sample().slot().parentSampleId())
                    .as("both cells answer the same conversation")
                    .isEqualTo(shown.slot().parentSampleId());
            List<String> turns = new ArrayList<>();
            List<String> speakers = List.of("question", "turn 1 · user", "turn 2 · assistant", "turn 3 · user");
            Sample at = shown;
            for (int i = speakers.size() - 1; i >= 0; i--) {
                at = open.samples().find(at.slot().parentSampleId()).orElseThrow();
                turns.add(0, speakers.get(i) + ": " + at.text());
            }
            assertThat(row.input()).isEqualTo(String.join("\n", turns));
        });
    }

    /** Two versions' runs over the same records (see {@link RunFixture#comparedVersions}), in the open project. */
    private RunFixture.Compared opened(String fileName, int first, int second) throws Exception {
        Path file = dir.resolve(fileName);
        RunFixture.Compared runs = RunFixture.comparedVersions(file, "intents", first, second);
        project.set(new H2ProjectOpener().open(file));
        return runs;
    }

    private RunInfo run(List<Sample> samples) {
        return project.get().runs().find(samples.get(0).runId()).orElseThrow();
    }
}
