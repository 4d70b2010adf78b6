package io.siftbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.compare.CompareSources;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Compare follows a compared run while it is going: a real project, two real runs against a loopback
 * server, the Runs screen's live progress driving the Compare view model.
 */
class CompareFollowsRunTest {

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    @Test
    void samplesOfAComparedRunJoinTheirRowsWhileItIsGoing() throws Exception {
        Project project = fixture.project();
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        RunStarter starter = new RunStarter(open.map(p -> fixture.launcher()), tasks);
        RunsViewModel runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())), tasks, starter);
        RunInfo done = fixture.fiveQuestionRun();
        fixture.launcher().execute(done.id(), (s, p) -> {}, () -> false);
        RunInfo going = fixture.fiveQuestionRun();
        CompareViewModel compare = new CompareViewModel(
                open.map(p -> new CompareSources(p.runSources(), p.decisions(), p.preferences())),
                tasks,
                starter,
                () -> BackendSettings.EMPTY,
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));
        compare.compare(List.of(done, going));
        assertThat(compare.rows()).hasSize(5).allSatisfy(row -> assertThat(row.cell(1))
                .isEmpty());
        List<Long> filled = new ArrayList<>();
        compare.rows().addListener((ListChangeListener<CompareRow>) c -> filled.add(
                compare.rows().stream().filter(row -> row.cell(1).isPresent()).count()));

        runs.resume(going);

        assertThat(compare.rows()).hasSize(5).allSatisfy(row -> assertThat(row.cell(1))
                .isPresent());
        // The rows filled in while the run was going (the first sample at once), not only once it had finished.
        assertThat(filled.get(0)).isBetween(1L, 4L);
        assertThat(filled.get(filled.size() - 1)).isEqualTo(5L);
    }
}
