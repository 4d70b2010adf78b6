package io.siftbench.views.runs;

import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunProgress;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

/**
 * The Runs screen's pipeline runs, one row each with every step's progress, made from the runs the screen lists (so
 * that they follow the project as its runs do) and the live progress of those this window runs; resume and cancel
 * act on the whole pipeline run.
 */
public final class PipelineRunsViewModel {

    private final RunsViewModel runs;
    private final PipelineRunStarter starter;
    private final ObservableList<PipelineRunRow> rows = FXCollections.observableArrayList();

    public PipelineRunsViewModel(RunsViewModel runs, PipelineRunStarter starter) {
        this.runs = runs;
        this.starter = starter;
        runs.runs().addListener((ListChangeListener<RunInfo>) c -> relist());
        starter.running().addListener((SetChangeListener<Long>) c -> {
            relist();
            runs.reload();
        });
        relist();
    }

    private void relist() {
        List<PipelineRunRow> now = PipelineRunRow.of(runs.runs(), runs::stepOf, runs::pipelineSteps);
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
    }

    public ObservableList<PipelineRunRow> rows() {
        return rows;
    }

    /** "question-answer v1 · question 60/60 · answer 37/60", live while this window runs it. */
    public String progress(PipelineRunRow row) {
        return row.progress(starter.live());
    }

    public String status(PipelineRunRow row) {
        return row.status(starter.isRunning(row.pipelineRun()));
    }

    public boolean isRunning(PipelineRunRow row) {
        return starter.isRunning(row.pipelineRun());
    }

    /** Runs the pipeline run on from the first step with something missing. */
    public void resume(PipelineRunRow row) {
        // Two runners on one run would both send its missing slots: a step resumed alone goes first.
        var alone = row.steps().stream().filter(r -> runs.isRunning(r.id())).findFirst();
        if (alone.isPresent()) {
            runs.tell("Run #" + alone.get().id() + " of pipeline run " + row.pipelineRun()
                    + " is running on its own: resume the pipeline run once it has stopped.");
            return;
        }
        runs.tell("");
        starter.resume(row.pipelineRun(), runs::report);
    }

    /** Whether {@code run} is a step of a pipeline run this window is running: it is not resumed on its own then. */
    public boolean runsStepOf(RunInfo run) {
        return runs.stepOf(run)
                .map(step -> starter.isRunning(step.link().pipelineRun()))
                .orElse(false);
    }

    public void cancel(PipelineRunRow row) {
        starter.cancel(row.pipelineRun());
    }

    /** Hears every change of the live progress or of what runs: a row's text changes with it. */
    public void onLive(Runnable changed) {
        starter.live().addListener((MapChangeListener<Long, RunProgress>) c -> changed.run());
        starter.running().addListener((SetChangeListener<Long>) c -> changed.run());
    }
}
