package io.siftbench.model.student;

import io.siftbench.model.insights.InsightsProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Label doubts by confident learning (Northcutt et al.): every sample is judged by a student trained on the other
 * k − 1 folds, so no sample is judged by a student that saw it. A label is in doubt when its out-of-fold
 * probability is below that label's threshold (the mean out-of-fold probability of the label over the samples
 * that carry it) and another label is more likely; the most likely one is suggested.
 */
public final class LabelDoubts {

    public static final int DEFAULT_FOLDS = 5;

    private final StudentSettings settings;
    private final int folds;

    public LabelDoubts(StudentSettings settings, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("k-fold needs at least 2 folds, was " + folds);
        }
        this.settings = settings;
        this.folds = folds;
    }

    public LabelDoubts(StudentSettings settings) {
        this(settings, DEFAULT_FOLDS);
    }

    /**
     * The student's view of every sample's label, in the order of {@code samples}. Progress counts folds done;
     * an interrupted thread stops with a {@link java.util.concurrent.CancellationException}.
     *
     * @throws IllegalArgumentException with fewer samples than folds, or a single label
     */
    public List<LabelDoubt> judge(EmbeddedTexts samples, InsightsProgress progress) {
        int n = samples.size();
        List<String> labels = List.copyOf(new TreeSet<>(samples.labels()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("label doubts need samples of at least two labels, had "
                    + (labels.isEmpty() ? "none" : "only \"" + labels.get(0) + "\""));
        }
        if (n < folds) {
            throw new IllegalArgumentException(
                    "label doubts by " + folds + "-fold need at least " + folds + " samples, had " + n);
        }
        int[] fold = stratifiedFolds(samples);
        double[][] outOfFold = new double[n][];
        Thread caller = Thread.currentThread();
        AtomicInteger done = new AtomicInteger();
        progress.update(0, folds, "training " + folds + " students");
        // The folds train at once: each is independent, and the trainer checks the caller's interrupt.
        IntStream.range(0, folds).parallel().forEach(f -> {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? held : train).add(i);
            }
            EmbeddedTexts part = samples.pick(train);
            if (new TreeSet<>(part.labels()).size() < 2) {
                // A fold whose rest has one label cannot train; its samples get no opinion (uniform).
                for (int i : held) {
                    outOfFold[i] = uniform(labels.size());
                }
            } else {
                Student student = new StudentTrainer(settings).train(part.vectors(), part.labels(), caller);
                for (int i : held) {
                    outOfFold[i] = spread(
                            student, student.probabilities(samples.vectors().get(i)), labels);
                }
            }
            // Folds finish on several threads: one at a time, so that progress only goes up and ends at k of k.
            synchronized (done) {
                progress.update(done.incrementAndGet(), folds, "trained students");
            }
        });
        return verdicts(samples, labels, outOfFold);
    }

    private static List<LabelDoubt> verdicts(EmbeddedTexts samples, List<String> labels, double[][] outOfFold) {
        int n = samples.size();
        int[] given = new int[n];
        double[] sum = new double[labels.size()];
        int[] count = new int[labels.size()];
        for (int i = 0; i < n; i++) {
            given[i] = Collections.binarySearch(labels, samples.items().get(i).label());
            sum[given[i]] += outOfFold[i][given[i]];
            count[given[i]]++;
        }
        List<LabelDoubt> verdicts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = given[i];
            double threshold = sum[label] / count[label];
            int best = Softmax.argMax(outOfFold[i]);
            double own = outOfFold[i][label];
            boolean doubted = best != label && own < threshold;
            verdicts.add(new LabelDoubt(
                    samples.items().get(i).id(),
                    labels.get(label),
                    own,
                    labels.get(best),
                    outOfFold[i][best],
                    doubted));
        }
        return verdicts;
    }

    /** Doubted samples first, then the rest; each part from the least likely label up (Review's order). */
    public static List<LabelDoubt> mostDoubtfulFirst(List<LabelDoubt> verdicts) {
        List<LabelDoubt> ordered = new ArrayList<>(verdicts);
        ordered.sort(
                Comparator.comparing((LabelDoubt d) -> !d.doubted()).thenComparingDouble(LabelDoubt::labelProbability));
        return ordered;
    }

    /**
     * Assigns each sample a fold so that every label is spread over the folds as evenly as it can be: the samples of
     * each label, shuffled with the seed, are dealt out in turn.
     */
    private int[] stratifiedFolds(EmbeddedTexts samples) {
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            byLabel.computeIfAbsent(samples.items().get(i).label(), l -> new ArrayList<>())
                    .add(i);
        }
        Random random = new Random(settings.seed());
        int[] fold = new int[samples.size()];
        int next = 0;
        for (List<Integer> members : byLabel.values()) {
            Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    /** A fold student's probabilities over all labels: a label it never saw gets 0. */
    private static double[] spread(Student student, double[] probabilities, List<String> labels) {
        double[] all = new double[labels.size()];
        List<String> known = student.labels();
        for (int c = 0; c < known.size(); c++) {
            all[Collections.binarySearch(labels, known.get(c))] = probabilities[c];
        }
        return all;
    }

    private static double[] uniform(int labels) {
        double[] p = new double[labels];
        java.util.Arrays.fill(p, 1.0 / labels);
        return p;
    }
}
