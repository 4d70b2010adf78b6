package io.siftbench.views.runs;

import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.TaskExecutor;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.SortedList;

/**
 * The runs of the open project and the live progress of those running in this window: resume (which
 * also continues a killed run), cancel, and a list that follows what the runs store. The runs are started
 * through the window's {@link RunStarter}, which Compare starts its variants' runs through too.
 */
public final class RunsViewModel {

    private final ReadOnlyObjectWrapper<Long> started = new ReadOnlyObjectWrapper<>(this, "started");

    private final RunStarter starter;
    private final ProjectRunList runs;
    /** Kept, not made per call: the sorted view listens weakly, as the run list's own view does. */
    private final SortedList<RunInfo> shown;

    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding noProject;

    /** @param sources the stores of the open project the runs are listed from; null while none is open */
    public RunsViewModel(ObservableValue<RunListSources> sources, TaskExecutor tasks, RunStarter starter) {
        this.starter = starter;
        this.runs = new ProjectRunList(sources, tasks);
        this.shown = new SortedList<>(runs.runs(), runs.pipelineRunsTogether());
        this.noProject = Bindings.createBooleanBinding(() -> sources.getValue() == null, sources);
        sources.addListener((obs, was, now) -> reload());
        // A run's problem shows here whichever screen started it; its status too, listed again as it starts and stops.
        starter.problemProperty().addListener((obs, was, now) -> problem.set(now));
        starter.running().addListener((SetChangeListener<Long>) change -> reload());
        reload();
    }

    /** The runs, newest first, but a pipeline run's steps together, first step first. */
    public ObservableList<RunInfo> runs() {
        return shown;
    }

    /** The run's settings beyond its other columns, e.g. "b77 · category = card_arrival · 200 at random · T 0.7". */
    public String settings(RunInfo run) {
        return runs.settings(run);
    }

    /** The pipeline step the run is, e.g. "question-answer v1 · step 2 answer"; empty outside pipelines. */
    public String step(RunInfo run) {
        return runs.step(run);
    }

    /** The pipeline step the run is, as listed; empty outside pipelines. */
    public java.util.Optional<io.siftbench.model.pipelines.RunStep> stepOf(RunInfo run) {
        return runs.stepOf(run);
    }

    /** The names of every step of pipeline run {@code pipelineRun}, those not made yet too. */
    public List<String> pipelineSteps(long pipelineRun) {
        return runs.pipelineSteps(pipelineRun);
    }

    /** Says what went wrong with a run started in this window, where the runs are listed. Call on the UI thread. */
    public void report(Problem failure) {
        problem.set(failure);
    }

    /** Progress of the runs going on in this window, by run id. */
    public ObservableMap<Long, RunProgress> live() {
        return starter.live();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What a run's start found worth saying (the server its backend's first use detected); empty before. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Says {@code note} about a run started in this window, wherever it was started. Call on the UI thread. */
    public void tell(String note) {
        message.set(note);
    }

    /** True while no project is open: there is nothing to list, and no run to start. */
    public BooleanBinding noProjectBinding() {
        return noProject;
    }

    public boolean isRunning(long runId) {
        return starter.isRunning(runId);
    }

    public void reload() {
        runs.reload(list -> {}, error -> problem.set(Problem.of("The runs could not be listed", error)));
    }

    /** Stores a new run of {@code config} in the background, then starts generating its samples. */
    public void start(RunConfig config) {
        message.set("");
        starter.start(config, run -> started.set(run.id()), failure -> {});
    }

    /** The id of the newest run started on this screen: the one to show selected, as the researcher expects. */
    public ReadOnlyObjectProperty<Long> startedProperty() {
        return started.getReadOnlyProperty();
    }

    /** Generates the missing samples of {@code run} in the background: a resume, or the first go. */
    public void resume(RunInfo run) {
        message.set("");
        starter.resume(run, failure -> {});
    }

    /** Asks a run to stop; requests in flight finish, and their samples are kept. */
    public void cancel(long runId) {
        starter.cancel(runId);
    }

    /** Runs that can be resumed: any run not running now (a completed run may have failed samples). */
    public static boolean resumable(RunInfo run) {
        return run.status() != RunStatus.COMPLETED
                || run.failures() > 0
                || run.samples() < run.config().target();
    }
}
