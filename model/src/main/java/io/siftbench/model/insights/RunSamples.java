package io.siftbench.model.insights;

import io.siftbench.model.datasets.AnsweredRecords;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionValue;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Reads a run's samples from a project as the metrics need them: the answered samples (failed requests have
 * nothing to measure) with the status their decision gives, the text that counts (the researcher's edit, the
 * generated text, or in annotate mode the input record's text), and, for an annotate run over a dataset with a
 * label column, the record's gold label.
 */
public final class RunSamples {

    /**
     * How many samples Insights and {@code metrics} measure at most: a run of more is measured on a seeded sample
     * of this many. 10,000 keeps their embeddings (MiniLM, 384 floats each: 15 MB, plus the map's doubles) well
     * inside a 256 MB heap and their embedding near 45 s on two cores, while a proportion measured on it is within
     * about ±1 percentage point (95%) of the whole run's.
     */
    public static final int SAMPLE_SIZE = 10_000;

    /** Review items read at a time: large enough that a page's query costs little, small enough to hold. */
    private static final int PAGE = 1_000;

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
        Pages reading = new Pages(sources, run);
        List<SampleText> samples = new ArrayList<>(reviewItems.size());
        Map<Long, String> researcherLabels = new HashMap<>();
        reading.read(reviewItems, (measured, item) -> {
            samples.add(measured);
            if (item.label() != null) {
                researcherLabels.put(measured.id(), item.label());
            }
        });
        return new RunSampleSet(
                List.of(run.id()),
                samples,
                researcherLabels,
                declaredConditions(sources, run),
                reading.version.value());
    }

    /**
     * The samples of {@code run} that {@code admitted} takes, read page by page: up to {@code size} of
     * them every one, in generation order, exactly as {@link #load} and {@link RunSampleSet#where} give them; of
     * more, a uniform sample of {@code size} drawn with the first run's seed (a reservoir, so that memory stays
     * bounded whatever the runs' size), kept in generation order, the labels of all of them counted exactly. The
     * fingerprint is of every sample of the run, as {@link #load}'s is.
     */
    public static RunSampleSet drawn(RunSources sources, RunInfo run, Predicate<SampleText> admitted, int size) {
        return drawn(sources, List.of(run), false, admitted, size);
    }

    /** The samples of several runs as one set, drawn as {@link #drawn} draws them, joined as in a union. */
    public static RunSampleSet drawnUnion(
            RunSources sources, List<RunInfo> runs, Predicate<SampleText> admitted, int size) {
        return drawn(sources, runs, true, admitted, size);
    }

    private static RunSampleSet drawn(
            RunSources sources, List<RunInfo> runs, boolean union, Predicate<SampleText> admitted, int size) {
        RunInfo first = runs.get(0);
        long seed = first.config().seed();
        Reservoir reservoir = new Reservoir(size, seed);
        Map<String, Long> labels = new HashMap<>();
        long[] unlabelled = {0};
        List<Long> versions = new ArrayList<>();
        for (RunInfo run : runs) {
            Pages reading = new Pages(sources, run);
            sources.review()
                    .forEachPage(
                            run.id(),
                            PAGE,
                            page -> reading.read(page, (measured, item) -> {
                                if (admitted.test(measured)) {
                                    reservoir.offer(measured, item.label());
                                    if (measured.label() == null
                                            || measured.label().isBlank()) {
                                        unlabelled[0]++;
                                    } else {
                                        labels.merge(measured.label(), 1L, Long::sum);
                                    }
                                }
                            }));
            versions.add(reading.version.value());
        }
        long version = union ? RunSampleSet.unionVersion(versions) : versions.get(0);
        RunSampleSet.Draw draw = reservoir.seen() > size
                ? new RunSampleSet.Draw(reservoir.seen(), seed, LabelDistribution.of(labels, unlabelled[0]))
                : null;
        return new RunSampleSet(
                runs.stream().map(RunInfo::id).toList(),
                reservoir.samples(),
                reservoir.researcherLabels(),
                declaredConditions(sources, first),
                version,
                draw);
    }

    /** A reading of {@code run}'s review items a page at a time, as {@link Pages} turns them into samples. */
    public static Pages pages(RunSources sources, RunInfo run) {
        return new Pages(sources, run);
    }

    /**
     * One run's review items turned into the samples the metrics measure, a page at a time: the failed left out,
     * the text and gold label of an annotated record read with the page, the fingerprint taken on the way.
     */
    public static final class Pages {
        private final RunSources sources;
        private final Long datasetId;
        private final Fingerprint version = new Fingerprint();

        private Pages(RunSources sources, RunInfo run) {
            this.sources = sources;
            this.datasetId = run.config().datasetId();
        }

        /** Hands on each answered item of {@code page} with its sample as measured. */
        public void read(List<ReviewItem> page, BiConsumer<SampleText, ReviewItem> measured) {
            List<ReviewItem> items =
                    page.stream().filter(item -> !item.sample().failed()).toList();
            Optional<AnsweredRecords> records = AnsweredRecords.read(
                    sources.datasets(),
                    datasetId,
                    items.stream()
                            .map(i -> i.sample().slot().recordId())
                            .filter(Objects::nonNull)
                            .toList());
            for (ReviewItem item : items) {
                Sample sample = item.sample();
                Long recordId = sample.slot().recordId();
                String text = item.text() != null
                        ? item.text()
                        : records.map(r -> r.text(recordId)).orElse(null);
                String gold = records.map(r -> r.label(recordId)).orElse(null);
                SampleText sampleText = new SampleText(
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
                version.add(sample.id())
                        .add(sampleText.status().name())
                        .add(text)
                        .add(sample.label())
                        .add(item.label());
                measured.accept(sampleText, item);
            }
        }
    }

    /**
     * A uniform sample of at most {@code size} of the samples offered (Algorithm R with a seeded generator: the
     * k-th offered replaces a random kept one with probability size/k), handed back in the order offered.
     */
    private static final class Reservoir {
        private final int size;
        private final Random random;
        private final List<Kept> kept = new ArrayList<>();
        private long seen;

        private record Kept(long order, SampleText sample, String researcherLabel) {}

        Reservoir(int size, long seed) {
            if (size < 1) {
                throw new IllegalArgumentException("a sample holds at least one sample, was " + size);
            }
            this.size = size;
            this.random = new Random(seed);
        }

        void offer(SampleText sample, String researcherLabel) {
            Kept offered = new Kept(seen, sample, researcherLabel);
            seen++;
            if (kept.size() < size) {
                kept.add(offered);
            } else {
                long slot = random.nextLong(seen);
                if (slot < size) {
                    kept.set((int) slot, offered);
                }
            }
        }

        long seen() {
            return seen;
        }

        List<SampleText> samples() {
            return kept.stream()
                    .sorted(Comparator.comparingLong(Kept::order))
                    .map(Kept::sample)
                    .toList();
        }

        Map<Long, String> researcherLabels() {
            Map<Long, String> labels = new HashMap<>();
            kept.stream()
                    .filter(k -> k.researcherLabel() != null)
                    .forEach(k -> labels.put(k.sample().id(), k.researcherLabel()));
            return labels;
        }
    }

    /**
     * A sample as {@link #of} measured it, after its review item's decision changed since: the status and the
     * text that counts follow the decision (an item without a text of its own keeps the record's text).
     */
    public static SampleText asDecided(SampleText measured, ReviewItem item) {
        return measured.withText(item.text() != null ? item.text() : measured.text())
                .withStatus(statusOf(item.decision()));
    }

    /** {@link #asDecided(SampleText, ReviewItem)} where {@code measured} has the model's text: the edit's, if any. */
    public static SampleText asDecided(SampleText measured, Decision decision) {
        String edited = decision == null ? null : decision.editedText();
        return measured.withText(edited != null ? edited : measured.text()).withStatus(statusOf(decision));
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
