package io.siftbench.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.student.EmbeddedTexts;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.LabelDoubts;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.student.PairedComparison;
import io.siftbench.model.student.Predictions;
import io.siftbench.model.student.StudentEvaluation;
import io.siftbench.model.student.StudentSettings;
import io.siftbench.model.student.StudentTrainer;
import io.siftbench.model.student.UtilityReport;
import io.siftbench.model.student.UtilityStudy;
import io.siftbench.model.testing.Banking77;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The student on the whole of banking77 (10,003 training and 3,080 test questions, 77 intents), embedded once
 * with the bundled MiniLM: training time and 5-fold label doubts against issue 15's goals, the accuracy of the
 * gold-trained student on the test file (the ceiling), the noise experiment (10% of the training labels changed at
 * random: how well the doubts find them, against flagging at random at the same rate) and the utility report of
 * the set curated by the doubts. Run with {@code mvn -Pbench verify -pl model -Dtest=StudentBench} (skipped, with
 * the reason printed, where {@code ../shared} is absent).
 */
class StudentBench {

    private static final double NOISE = 0.1;

    @Test
    void trainsDoubtsAndReportsOnBanking77() {
        List<LabelledText> trainRows = Banking77.read("train.csv");
        List<LabelledText> testRows = Banking77.read("test.csv");
        long start = System.nanoTime();
        SampleEmbedder embedder = new SampleEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        EmbeddedTexts train = embedded(embedder, trainRows);
        EmbeddedTexts test = embedded(embedder, testRows);
        double embedding = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH %-55s %8.3f s  (%.1f ms a text; not part of the goals below)%n",
                "embedding " + train.size() + " + " + test.size() + " texts with MiniLM",
                embedding,
                1000 * embedding / (train.size() + test.size()));

        StudentTrainer trainer = new StudentTrainer(StudentSettings.DEFAULT);
        Timed<?> training = median(() -> train.train(trainer));
        report("training on " + train.size() + " × 384-d, 77 labels (median of 3)", training.seconds(), 2.0);

        UtilityStudy study = new UtilityStudy(StudentSettings.DEFAULT);
        Predictions ceilingAnswers = study.predict(train, test);
        StudentEvaluation ceiling = study.evaluate(ceilingAnswers, train.size());
        System.out.printf(
                "BENCH %-55s accuracy %s, macro-F1 %s (expected 0.85–0.93)%n",
                "gold train → test (the ceiling)", ceiling.accuracy(), ceiling.macroF1());
        assertThat(ceiling.accuracy().value()).isGreaterThan(0.85);

        List<Integer> changed = new ArrayList<>();
        EmbeddedTexts noisy =
                new EmbeddedTexts(Banking77.withLabelsChanged(train.items(), NOISE, 10, changed), train.vectors());
        LabelDoubts doubts = new LabelDoubts(StudentSettings.DEFAULT);
        Timed<List<LabelDoubt>> judged = median(() -> doubts.judge(noisy, InsightsProgress.NONE));
        report("5-fold label doubts on " + noisy.size() + " (median of 3)", judged.seconds(), 10.0);

        Set<Long> changedIds = new HashSet<>();
        changed.forEach(i -> changedIds.add(noisy.items().get(i).id()));
        List<LabelDoubt> flagged =
                judged.result().stream().filter(LabelDoubt::doubted).toList();
        long found = flagged.stream().filter(d -> changedIds.contains(d.id())).count();
        long original = flagged.stream()
                .filter(d -> changedIds.contains(d.id()))
                .filter(d ->
                        d.suggested().equals(train.items().get((int) d.id() - 1).label()))
                .count();
        double precision = found / (double) flagged.size();
        double recall = found / (double) changed.size();
        double flagRate = flagged.size() / (double) noisy.size();
        System.out.printf(
                "BENCH %-55s %d flags (%.1f%%): precision %.3f, recall %.3f; random flags at the same rate: precision"
                        + " %.3f, recall %.3f; the original label suggested for %.3f of the changed ones found%n",
                String.format("noise: %.0f%% of %d labels changed at random", NOISE * 100, noisy.size()),
                flagged.size(),
                100 * flagRate,
                precision,
                recall,
                NOISE,
                flagRate,
                original / (double) found);
        assertThat(precision).isGreaterThan(3 * NOISE);

        // The curated set: the noisy one without the samples whose label is in doubt.
        Set<Long> doubted = new HashSet<>();
        flagged.forEach(d -> doubted.add(d.id()));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < noisy.size(); i++) {
            if (!doubted.contains(noisy.items().get(i).id())) {
                kept.add(i);
            }
        }
        EmbeddedTexts curated = noisy.pick(kept);
        UtilityReport utility = study.report(curated, test, train, 8, InsightsProgress.NONE);
        Predictions noisyAnswers = study.predict(noisy, test);
        StudentEvaluation noisyStudent = study.evaluate(noisyAnswers, noisy.size());
        PairedComparison versusNoisy = study.compare(noisyAnswers, study.predict(curated, test));
        System.out.printf(
                "BENCH %-55s curated %s, noisy %s, 8-shot baseline %s, ceiling %s; curated − 8-shot %s (McNemar p"
                        + " %.2g); curated − noisy %s (p %.2g); learning curve %s%n",
                "utility of the curated set (" + curated.size() + " of " + noisy.size() + ")",
                utility.student().accuracy(),
                noisyStudent.accuracy(),
                utility.fewShot().accuracy(),
                utility.ceiling().accuracy(),
                utility.versusFewShot().difference(),
                utility.versusFewShot().pValue(),
                versusNoisy.difference(),
                versusNoisy.pValue(),
                utility.curve().stream()
                        .map(p -> p.samples() + ": "
                                + String.format("%.3f", p.accuracy().value()))
                        .toList());
        System.out.printf(
                "BENCH %-55s ECE %.3f over %d test items%n",
                "calibration of the curated set's student",
                utility.reliability().expectedCalibrationError(),
                utility.reliability().items());
    }

    private static EmbeddedTexts embedded(SampleEmbedder embedder, List<LabelledText> rows) {
        List<SampleText> texts =
                rows.stream().map(r -> SampleText.of(r.id(), r.text())).toList();
        List<float[]> vectors = embedder.embed(texts, InsightsProgress.NONE).stream()
                .map(SampleText::embedding)
                .toList();
        return new EmbeddedTexts(rows, vectors);
    }

    private record Timed<T>(T result, double seconds) {}

    /** One warm-up run, then the median time of three. */
    private static <T> Timed<T> median(Supplier<T> work) {
        work.get();
        double[] seconds = new double[3];
        T result = null;
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            result = work.get();
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new Timed<>(result, seconds[1]);
    }

    private static void report(String what, double seconds, double goalSeconds) {
        System.out.printf(
                "BENCH %-55s %8.3f s  goal ≤ %.0f s, ratio to goal %.3f (%s)%n",
                what, seconds, goalSeconds, seconds / goalSeconds, seconds <= goalSeconds ? "met" : "MISSED");
    }
}
