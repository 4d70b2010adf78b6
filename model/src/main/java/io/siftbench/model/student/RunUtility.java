package io.siftbench.model.student;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.MetricSnapshots;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A run's utility report as the Insights screen asks for it, kept in the project's metric snapshots like the
 * run's metrics: keyed by a fingerprint of the training samples, the test and gold records and the settings, so
 * that asking again, or reopening Insights, shows it at once until a sample, a decision or a record changes. The
 * last question asked of each run is kept too, so that the screen can show its answer without being asked.
 */
public final class RunUtility {

    static final String SCOPE = "student:utility";
    static final String QUESTION_SCOPE = "student:utility-question";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);

    private final ProjectStudent student;
    private final MetricSnapshots snapshots;

    public RunUtility(ProjectStudent student, MetricSnapshots snapshots) {
        this.student = student;
        this.snapshots = snapshots;
    }

    /** A run's report, the question it answers, and whether it came from the snapshot. */
    public record Answer(long run, UtilityQuestion question, UtilityReport report, boolean cached) {}

    /** What is stored: the report with the question it answers. */
    record Stored(UtilityQuestion question, UtilityReport report) {}

    /** The texts a question reads, and the fingerprint of them all. */
    private record Inputs(List<LabelledText> train, List<LabelledText> test, List<LabelledText> gold, long version) {}

    /**
     * The report for {@code runId}, from the snapshot when nothing it depends on changed.
     *
     * @throws IllegalArgumentException saying what is missing: no sample to train on (with what to do about it), a
     *                                  dataset or a column
     */
    public Answer report(long runId, UtilityQuestion question, InsightsProgress progress) {
        Inputs inputs = inputs(runId, question);
        snapshots.save(runId, QUESTION_SCOPE, 0, write(question));
        Optional<Answer> cached = find(runId, question, inputs);
        if (cached.isPresent()) {
            return cached.get();
        }
        UtilityReport report =
                student.utility(inputs.train(), inputs.test(), inputs.gold(), question.fewShotPerLabel(), progress);
        snapshots.save(runId, SCOPE, inputs.version(), write(new Stored(question, report)));
        return new Answer(runId, question, report, false);
    }

    /** The answer to the last question asked of {@code runId}, if it is still current; nothing is computed. */
    public Optional<Answer> last(long runId) {
        Optional<UtilityQuestion> question =
                snapshots.find(runId, QUESTION_SCOPE, 0).flatMap(json -> read(json, UtilityQuestion.class));
        if (question.isEmpty()) {
            return Optional.empty();
        }
        // A dataset of the question deleted or renamed since leaves nothing current to show.
        return cached(runId, question.get());
    }

    /** The answer to {@code question} for {@code runId} if a snapshot has it for the run as it is now. */
    public Optional<Answer> cached(long runId, UtilityQuestion question) {
        try {
            return find(runId, question, inputs(runId, question));
        } catch (IllegalArgumentException nothingToTrainOn) {
            return Optional.empty();
        }
    }

    /** Two runs' students on the same test items, and whether {@code runB}'s is better than {@code runA}'s. */
    public ProjectStudent.Comparison compare(
            long runA, long runB, UtilityQuestion question, InsightsProgress progress) {
        List<LabelledText> test =
                student.datasetRecords(question.testDataset(), question.testText(), question.testLabel());
        return student.compare(training(runA, question), training(runB, question), test, progress);
    }

    private Optional<Answer> find(long runId, UtilityQuestion question, Inputs inputs) {
        return snapshots
                .find(runId, SCOPE, inputs.version())
                .flatMap(json -> read(json, Stored.class))
                .filter(stored -> stored.question().equals(question))
                .map(stored -> new Answer(runId, question, stored.report(), true));
    }

    private Inputs inputs(long runId, UtilityQuestion question) {
        List<LabelledText> train = training(runId, question);
        List<LabelledText> test =
                student.datasetRecords(question.testDataset(), question.testText(), question.testLabel());
        if (test.isEmpty()) {
            throw new IllegalArgumentException("Dataset \"" + question.testDataset()
                    + "\" has no record with both a text and a label to test the student on.");
        }
        List<LabelledText> gold =
                question.goldDataset() == null ? List.of() : student.datasetRecords(question.goldDataset(), null, null);
        long version = ProjectStudent.fingerprint(
                train,
                ProjectStudent.fingerprint(test),
                ProjectStudent.fingerprint(gold),
                question,
                student.settings());
        return new Inputs(train, test, gold, version);
    }

    /** The run's samples the question trains on; refused, with what to do, when there are none. */
    private List<LabelledText> training(long runId, UtilityQuestion question) {
        List<LabelledText> train = student.runSamples(runId, question.trainOn(), question.fields());
        if (train.isEmpty()) {
            throw new IllegalArgumentException(
                    question.trainOn() == TrainingSamples.KEPT
                            ? "Run #" + runId
                                    + " has no accepted or edited sample with a text and a label yet: accept some"
                                    + " in Review, or train on all samples not rejected."
                            : "Run #" + runId + " has no sample with a text and a label to train the student on.");
        }
        return train;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored value, or empty when it was written in another shape (before a field existed). */
    private static <T> Optional<T> read(String json, Class<T> type) {
        try {
            return Optional.of(JSON.readValue(json, type));
        } catch (MismatchedInputException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
