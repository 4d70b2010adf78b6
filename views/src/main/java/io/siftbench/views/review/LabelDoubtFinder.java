package io.siftbench.views.review;

import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.SampleFields;
import io.siftbench.model.student.StudentSettings;
import io.siftbench.model.student.TrainingSamples;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskHandle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Review's "Find label doubts": the run's samples embedded (through the project's cache) and judged by a 5-fold
 * student in the background, with progress and the time left in the status line, and cancel. The verdicts are kept
 * in the project's metric snapshots, from where the curation filters flag them, so the queue is read again when
 * they are in.
 */
final class LabelDoubtFinder {

    /** How often the status line follows the progress: embedding reports every text. */
    private static final long SAY_EVERY_NANOS = 100_000_000L;

    private final ProjectTasks<ReviewSources> tasks;
    private final SerialTaskQueue writes;
    private final Supplier<SampleEmbedder> embedder;
    private final Consumer<String> message;
    private final ReadOnlyBooleanWrapper finding = new ReadOnlyBooleanWrapper(this, "finding");
    private TaskHandle running;

    /** @param writes the queue the decisions are written through: the student judges the labels after them */
    LabelDoubtFinder(
            ProjectTasks<ReviewSources> tasks,
            SerialTaskQueue writes,
            Supplier<SampleEmbedder> embedder,
            Consumer<String> message) {
        this.tasks = tasks;
        this.writes = writes;
        this.embedder = embedder;
        this.message = message;
    }

    ReadOnlyBooleanProperty findingProperty() {
        return finding.getReadOnlyProperty();
    }

    /**
     * Finds the label doubts of {@code chosen}'s samples not rejected, after every decision still being written;
     * {@code found} hears the verdicts. A run without labelled samples is refused with a message saying so.
     */
    void find(RunInfo chosen, Consumer<List<LabelDoubt>> found, Consumer<Throwable> failed) {
        ReviewSources open = tasks.open();
        if (open == null || chosen == null || finding.get()) {
            return;
        }
        finding.set(true);
        message.accept("Finding label doubts in " + RunLabel.name(chosen) + "…");
        writes.submit(() -> null, tasks.whileOpen(written -> start(open, chosen, found, failed)), error -> {
            finding.set(false);
            failed.accept(error);
        });
    }

    private void start(
            ReviewSources open, RunInfo chosen, Consumer<List<LabelDoubt>> found, Consumer<Throwable> failed) {
        ProjectStudent student =
                new ProjectStudent(open.runSources(), open.runSources().snapshots(), embedder, StudentSettings.DEFAULT);
        running = tasks.execute(BackgroundTask.of("Finding label doubts", work -> {
                    if (student.runSamples(chosen.id(), TrainingSamples.NOT_REJECTED, SampleFields.DEFAULT)
                            .isEmpty()) {
                        throw new IllegalArgumentException(RunLabel.name(chosen) + " has no labelled samples to doubt:"
                                + " label doubts need an annotate run, or a synthesize run whose samples carry a"
                                + " label.");
                    }
                    Meter meter = new Meter(System.nanoTime());
                    InsightsProgress progress = (done, total, step) -> {
                        work.checkCancelled();
                        work.update(done, total, step);
                        String line = meter.read(done, total, step, System.nanoTime());
                        if (line != null) {
                            tasks.executor().uiThread().execute(() -> {
                                if (finding.get()) {
                                    message.accept(line);
                                }
                            });
                        }
                    };
                    return student.doubts(chosen.id(), SampleFields.DEFAULT, progress);
                })
                .onSuccess(verdicts -> {
                    done();
                    long doubted = verdicts.stream().filter(LabelDoubt::doubted).count();
                    message.accept("The student doubts " + doubted + " of " + verdicts.size() + " labels in "
                            + RunLabel.name(chosen)
                            + (doubted == 0
                                    ? "."
                                    : ": each card says which label it"
                                            + " suggests; \"Most doubtful first\" starts with them."));
                    found.accept(verdicts);
                })
                .onCancelled(() -> {
                    done();
                    message.accept("Stopped finding label doubts; nothing was flagged.");
                })
                .onFailure(error -> {
                    done();
                    failed.accept(error);
                }));
    }

    /** Stops the finding under way; the doubts found before, if any, stay. */
    void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void done() {
        running = null;
        finding.set(false);
    }

    /**
     * The status line of the finding: each part (embedding the texts, training the fold students) has its own
     * count, so the time left is the part's, at the rate so far; a line at most every tenth of a second.
     */
    private static final class Meter {
        private long partStart;
        private int partTotal = -1;
        private long said;

        Meter(long now) {
            partStart = now;
        }

        /** The line to show for this report, or null when one was shown a moment ago. */
        String read(int done, int total, String step, long now) {
            if (total != partTotal) {
                partTotal = total;
                partStart = now;
            }
            if (now - said < SAY_EVERY_NANOS && done < total) {
                return null;
            }
            said = now;
            double seconds = (now - partStart) / 1e9;
            String left = done <= 0 || done >= total
                    ? ""
                    : String.format(Locale.ROOT, " · about %.0f s left", seconds * (total - done) / done);
            return "Finding label doubts: " + step + " " + done + "/" + total + left;
        }
    }
}
