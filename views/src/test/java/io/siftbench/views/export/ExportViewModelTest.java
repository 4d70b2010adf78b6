package io.siftbench.views.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export dialog's view model on a real project, its background work run on the test's thread. */
class ExportViewModelTest {

    @TempDir
    Path dir;

    private Project project;
    private List<Sample> samples;
    private ExportViewModel viewModel;

    @BeforeEach
    void curatedRun() throws Exception {
        Path file = dir.resolve("curate.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        project = new H2ProjectOpener().open(file);
        samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 12);
        project.decisions()
                .decide(samples.subList(0, 8).stream()
                        .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null))
                        .toList());
        viewModel = new ExportViewModel(
                project.exportSources(),
                new CurrentThreadTaskExecutor(),
                List.of(samples.get(0).runId()));
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void exportsBesideTheProjectAndSaysWhatItWrote() throws Exception {
        viewModel.formatProperty().set(ExportFormat.CSV);
        Path out = viewModel.outProperty().get();
        assertThat(out.getFileName().toString())
                .isEqualTo("run-" + samples.get(0).runId() + ".csv");
        assertThat(out.getParent().getParent()).isEqualTo(dir.toAbsolutePath());

        viewModel.export();

        assertThat(viewModel.problemProperty().get()).isNull();
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        // One row per accepted sample (cells span lines: the inputs are the rendered prompts).
        assertThat(java.util.regex.Pattern.compile("(?m)^\\d+," + samples.get(0).runId() + ",all,accepted,")
                        .matcher(Files.readString(out))
                        .results()
                        .count())
                .isEqualTo(8);
        assertThat(viewModel.outcomeProperty().get())
                .isEqualTo("Wrote 8 record(s) to 1 file(s), with the dataset card"
                        + " README.md. Left out of 12 sample(s): 4 by their decision, 0 by the filter, 0 failed,"
                        + " 0 used as demonstrations, 0 found in the evaluation set.");
        assertThat(viewModel.datasets()).containsExactly(ExportViewModel.NO_EVALUATION_SET);
    }

    @Test
    void filtersAndSplitReachTheExport() {
        viewModel.labelsProperty().set("card_arrival, card_linking");
        viewModel.splitProperty().set(true);
        viewModel.sharesProperty().set("0.5,0.25,0.25");
        viewModel.seedProperty().set("9");

        viewModel.export();

        // Samples 0, 1, 6, 7 carry those two labels among the eight accepted ones.
        assertThat(viewModel.reportProperty().get().total()).isEqualTo(4);
        assertThat(viewModel.reportProperty().get().written()).containsEntry("train", 2);
    }

    @Test
    void badSettingsSayWhichAndWriteNothing() {
        viewModel.splitProperty().set(true);
        viewModel.sharesProperty().set("0.8,0.3");
        viewModel.export();
        assertThat(viewModel.problemProperty().get().message()).contains("three shares train,validation,test");

        viewModel.sharesProperty().set("0.8,0.1,0.1");
        viewModel.minTurnsProperty().set("0");
        viewModel.export();
        assertThat(viewModel.problemProperty().get().message())
                .contains("the minimum number of turns must be a whole number of 1 or more, not '0'");

        viewModel.minTurnsProperty().set("4");
        viewModel.maxTurnsProperty().set("2");
        viewModel.export();
        assertThat(viewModel.problemProperty().get().message())
                .contains("the turn bounds are crossed: at least 4 turns, at most 2");

        viewModel.minTurnsProperty().set("");
        viewModel.maxTurnsProperty().set("");
        viewModel.conditionsProperty().set("tone");
        viewModel.export();
        assertThat(viewModel.problemProperty().get().message()).contains("NAME=VALUE, not 'tone'");
        assertThat(viewModel.outProperty().get()).doesNotExist();
        assertThat(viewModel.reportProperty().get()).isNull();
    }

    @Test
    void cancelStopsTheExportAndLeavesNothingWhereItsFilesGo() throws Exception {
        // A run large enough that the export tells its progress many times before it is done.
        Path file = dir.resolve("large.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        try (Project large = new H2ProjectOpener().open(file)) {
            long run = RunFixture.run(large, version, PromptMode.ANNOTATE, 1_500)
                    .get(0)
                    .runId();
            ExportViewModel cancelled = new ExportViewModel(
                    large.exportSources(), new io.siftbench.views.task.CancellingTaskExecutor(3), List.of(run));
            cancelled.statusProperty().set(io.siftbench.model.export.ExportStatus.ALL);
            Path out = cancelled.outProperty().get();

            cancelled.export();

            assertThat(cancelled.runningProperty().get()).isFalse();
            assertThat(cancelled.problemProperty().get()).isNull();
            assertThat(cancelled.reportProperty().get()).isNull();
            assertThat(cancelled.outcomeProperty().get())
                    .isEqualTo("Export cancelled: nothing was written to " + out + ".");
            if (Files.exists(out.getParent())) {
                try (var left = Files.list(out.getParent())) {
                    assertThat(left).as("no file, staged or finished, is left").isEmpty();
                }
            }
        }
    }
}
