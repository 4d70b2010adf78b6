package io.siftbench.model.insights;

import io.siftbench.model.datasets.AnsweredRecords;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionValue;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a run's samples from a project as the metrics need them: the answered samples (failed requests have
 * nothing to measure) with the status their decision gives, the text that counts (the researcher's edit, the
 * generated text, or in annotate mode the input record's text), and, for an annotate run over a dataset with a
 * label column, the record's gold label.
 */
public final class RunSamples {

    private RunSamples() {}

    public static RunSampleSet load(RunSources sources, long runId) {
        RunInfo run = run(sources, runId);
        return of(sources, run, sources.review().items(runId));
    }

    /**
     * The run {@code runId} of the project.
     *
     * @throws ProjectException saying so when the project has no such run
     */
    public static RunInfo run(RunSources sources, long runId) {
        return sources.runs()
                .find(runId)
                .orElseThrow(() -> new ProjectException("There is no run " + runId + " in " + sources.file()));
    }

    /** The run's samples from its review items already read (the review screen has them at hand). */
    public static RunSampleSet of(RunSources sources, RunInfo run, List<ReviewItem> reviewItems) {
        long runId = run.id();
        List<ReviewItem> items =
                reviewItems.stream().filter(item -> !item.sample().failed()).toList();
        Optional<AnsweredRecords> records = AnsweredRecords.read(
                sources.datasets(),
                run.config().datasetId(),
                items.stream()
                        .map(i -> i.sample().slot().recordId())
                        .filter(Objects::nonNull)
                        .toList());

        List<SampleText> samples = new java.util.ArrayList<>(items.size());
        Map<Long, String> researcherLabels = new HashMap<>();
        Fingerprint version = new Fingerprint();
        for (ReviewItem item : items) {
            Sample sample = item.sample();
            Long recordId = sample.slot().recordId();
            String text = item.text() != null
                    ? item.text()
                    : records.map(r -> r.text(recordId)).orElse(null);
            String gold = records.map(r -> r.label(recordId)).orElse(null);
            SampleText measured = new SampleText(
                    sample.id(),
                    text,
                    sample.label(),
                    gold,
                    sample.conditions(),
                    sample.fields(),
                    statusOf(item.decision()),
                    sample.confidence(),
                    sample.votes(),
                    null,
                    null,
                    null);
            samples.add(measured);
            if (item.label() != null) {
                researcherLabels.put(sample.id(), item.label());
            }
            version.add(sample.id())
                    .add(measured.status().name())
                    .add(text)
                    .add(sample.label())
                    .add(item.label());
        }
        return new RunSampleSet(
                List.of(runId), samples, researcherLabels, declaredConditions(sources, run), version.value());
    }

    /**
     * A sample as {@link #of} measured it, after its review item's decision changed since: the status and the
     * text that counts follow the decision (an item without a text of its own keeps the record's text).
     */
    public static SampleText asDecided(SampleText measured, ReviewItem item) {
        return measured.withText(item.text() != null ? item.text() : measured.text())
                .withStatus(statusOf(item.decision()));
    }

    static SampleStatus statusOf(Decision decision) {
        if (decision == null) {
            return SampleStatus.UNDECIDED;
        }
        return switch (decision.status()) {
            case ACCEPTED -> SampleStatus.ACCEPTED;
            case EDITED -> SampleStatus.EDITED;
            case REJECTED -> SampleStatus.REJECTED;
            // Skipping puts a sample off; it is no decision about it.
            case SKIPPED -> SampleStatus.UNDECIDED;
        };
    }

    /** Every declared value of every condition, switched on or off, so that unused combinations show as empty. */
    static Map<String, List<String>> declaredConditions(RunSources sources, RunInfo run) {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        for (Condition condition :
                sources.prompts().load(run.config().promptVersionId()).conditions()) {
            declared.put(
                    condition.name(),
                    condition.values().stream().map(ConditionValue::value).toList());
        }
        return declared;
    }

    /** A 64-bit FNV-1a hash over the parts added, each followed by a separator so that parts cannot run together. */
    private static final class Fingerprint {
        private long hash = 0xcbf29ce484222325L;

        Fingerprint add(Object part) {
            String s = part == null ? "\u0000null" : part.toString();
            for (int i = 0; i < s.length(); i++) {
                mix(s.charAt(i));
            }
            mix('\u0001');
            return this;
        }

        private void mix(char c) {
            hash ^= c;
            hash *= 0x100000001b3L;
        }

        long value() {
            return hash;
        }
    }
}
