package io.siftbench.views.runs;

import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.runs.RunBatchFiles;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The Runs screen's batch files of the selected run: "Export batch file…" (its missing slots, nothing sent),
 * "Import batch output…" (a batch's answers as its samples) and "Submit as batch" (both through its server's
 * batches API). Each runs in the background with its progress and cancel in the status bar, one at a time; what
 * it did is said on the screen's message line, what went wrong as the screen's problem.
 */
public final class RunBatchesViewModel {

    private final ProjectTasks<RunBatchFiles> tasks;
    private final RunsViewModel runs;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** @param batches the open project's batch files; null while none is open */
    public RunBatchesViewModel(
            ObservableValue<RunBatchFiles> batches, io.siftbench.views.task.TaskExecutor executor, RunsViewModel runs) {
        this.tasks = new ProjectTasks<>(batches, executor);
        this.runs = runs;
        // The outcome of work on a project closed since is dropped: the actions are free again for the new one.
        tasks.onSwitch(open -> busy.set(false));
    }

    /** True while a batch file is being written, imported or followed: the actions wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A batch goes to the server a run names: an OpenAI-compatible one (Ollama and a GGUF file have no batches). */
    public static boolean submittable(RunInfo run) {
        return run.config().backend().kind().equalsIgnoreCase("openai");
    }

    /** The name a run's batch file is offered under. */
    public static String fileName(RunInfo run) {
        return "run" + run.id() + "-"
                + run.promptName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-batch.jsonl";
    }

    /** Writes the missing slots of {@code run} to {@code file} in the background. */
    public void export(RunInfo run, Path file) {
        start(
                "Batch file of run #" + run.id(),
                "The batch file could not be written",
                (batches, progress, cancelled) ->
                        batches.export(run.id(), file, progress, cancelled).text());
    }

    /** Imports batch-output {@code file} into {@code run} in the background; the report is said once done. */
    public void importOutput(RunInfo run, Path file) {
        start(
                "Importing batch output into run #" + run.id(),
                "The batch output could not be imported",
                (batches, progress, cancelled) -> batches.importOutput(run.id(), file, progress, cancelled)
                        .text());
    }

    /** Sends the missing slots of {@code run} to its server as a batch, follows it and imports its output. */
    public void submit(RunInfo run) {
        start(
                "Batch of run #" + run.id(),
                "The batch could not be submitted",
                (batches, progress, cancelled) ->
                        batches.submit(run.id(), progress, cancelled).text());
    }

    /** One batch action: what it says once done. */
    @FunctionalInterface
    private interface Action {
        String run(RunBatchFiles batches, ExportProgress progress, BooleanSupplier cancelled) throws Exception;
    }

    private void start(String title, String failed, Action action) {
        RunBatchFiles batches = tasks.open();
        if (batches == null || busy.get()) {
            return;
        }
        busy.set(true);
        runs.tell("");
        runs.report(null);
        tasks.execute(BackgroundTask.of(title, progress -> action.run(batches, progress::update, progress::isCancelled))
                .onSuccess(text -> {
                    busy.set(false);
                    runs.tell(text);
                    runs.reload();
                })
                .onFailure(error -> {
                    busy.set(false);
                    runs.report(Problem.of(failed, error));
                    runs.reload();
                })
                .onCancelled(() -> {
                    busy.set(false);
                    runs.tell(title + " cancelled.");
                    runs.reload();
                }));
    }
}
