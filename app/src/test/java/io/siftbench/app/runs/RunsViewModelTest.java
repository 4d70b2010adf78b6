package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.testing.HeldTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Runs screen's list on a real project: each run with its settings in a line, the dataset named as the
 * project names it now, and a listing that comes back too late (for a closed project, or behind a newer one)
 * left unshown.
 */
class RunsViewModelTest {

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    @Test
    void eachRunIsListedWithItsDatasetFilterSubsetVotesAndTemperature() throws Exception {
        Project project = fixture.project();
        RunInfo plain = fixture.fiveQuestionRun();
        DatasetInfo questions = project.datasets().list().get(0);
        StoredVersion intent = project.prompts().versions("intent").get(0);
        RunDetails details = RunDetails.of(
                        2, new GenerationParameters(0.3, 0.9, 64, null, List.of(), Duration.ofSeconds(30)))
                .withWhere("text", "bravo");
        RunInfo narrowed = fixture.launcher()
                .create(new RunConfig(
                        intent.id(),
                        intent.mode(),
                        fixture.backend(),
                        details.parametersJson(),
                        questions.id(),
                        4,
                        1,
                        1,
                        5,
                        details.toJson()));
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        RunsViewModel runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())),
                tasks,
                new RunStarter(open.map(p -> fixture.launcher()), tasks));

        assertThat(runs.runs()).extracting(RunInfo::id).containsExactly(narrowed.id(), plain.id());
        assertThat(runs.settings(runs.runs().get(0))).isEqualTo("q · text = bravo · 2 at random · 5 votes · T 0.3");
        assertThat(runs.settings(runs.runs().get(1))).isEqualTo("q · T 0.7");

        project.datasets().rename(questions.id(), "questions");
        runs.reload();

        assertThat(runs.settings(runs.runs().get(1)))
                .as("the name as it is now, not the id")
                .isEqualTo("questions · T 0.7");
    }

    @Test
    void onlyTheNewestListingAskedForOfTheOpenProjectIsShown() throws Exception {
        fixture.fiveQuestionRun();
        HeldTasks held = new HeldTasks();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(fixture.project());
        ProjectRunList list =
                new ProjectRunList(open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())), held);
        List<List<RunInfo>> told = new ArrayList<>();

        list.reload(told::add, error -> {});
        list.reload(told::add, error -> {});
        held.run(0);

        assertThat(list.runs())
                .as("an older listing is dropped once a newer one is asked for")
                .isEmpty();
        assertThat(told).isEmpty();
        held.run(1);
        assertThat(list.runs()).hasSize(1);
        assertThat(told).hasSize(1);

        try (Project second = new H2ProjectOpener().open(fixture.dir().resolve("second"))) {
            list.reload(told::add, error -> {});
            open.set(second);
            held.run(2);

            assertThat(told)
                    .as("a listing of the project closed since is dropped")
                    .hasSize(1);
            list.reload(told::add, error -> {});
            held.run(3);
            assertThat(list.runs()).isEmpty();
            assertThat(told).hasSize(2);
        }
    }

    @Test
    void aRunThatFinishesWithFailedSlotsSaysHowManyAndWhyOnTheRunsScreen() throws Exception {
        RunInfo run = fixture.fiveQuestionRun();
        fixture.server().then(LoopbackServer.status(400), LoopbackServer.status(401), LoopbackServer.status(404));
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(fixture.project());
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        RunStarter starter = new RunStarter(open.map(p -> fixture.launcher()), tasks);
        RunsViewModel runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())), tasks, starter);
        List<Problem> toldTheCaller = new ArrayList<>();

        starter.resume(run, toldTheCaller::add);

        assertThat(runs.problemProperty().get())
                .isEqualTo(new Problem(
                        "Run #" + run.id() + " finished with 3 of 5 slots failed",
                        "2 requests refused, 1 not authorized (check the API key). Resume it to try them again."));
        assertThat(toldTheCaller)
                .as("the run has answers for whoever waits for them")
                .isEmpty();
        assertThat(RunsViewModel.resumable(runs.runs().get(0))).isTrue();
    }
}
