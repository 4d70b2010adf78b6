package io.siftbench.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.curation.AllPairsEmbeddingDuplicates;
import io.siftbench.model.curation.ClusteredEmbeddings;
import io.siftbench.model.curation.DuplicateGroup;
import io.siftbench.model.curation.EmbeddingDuplicateDetector;
import io.siftbench.model.curation.ExactDuplicates;
import io.siftbench.model.curation.MinHashDetector;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.LengthStatistics;
import io.siftbench.model.insights.LexicalDiversity;
import io.siftbench.model.insights.NGramIndex;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.SelfBleu;
import io.siftbench.model.insights.SelfBleuScore;
import io.siftbench.model.insights.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Timings of the metrics, near-duplicate detection and embedding on synthetic samples. Run with
 * {@code mvn -Pbench verify -pl model -am} or through {@link #main}. Each figure is the median of three timed
 * runs after one warm-up run, printed with its ratio to the goal of issue 7 (time / goal: ≤ 1 meets it) and to
 * a baseline measured in the same run: tokenising the same texts, the least any metric must do.
 */
class InsightsBench {

    private static final int VOCABULARY = 5_000;

    /** Sentences of 5–30 words drawn from a Zipf-like vocabulary, the shape of real short texts. */
    static List<String> syntheticTexts(int count, long seed) {
        Random random = new Random(seed);
        double[] cumulative = new double[VOCABULARY];
        double total = 0;
        for (int rank = 0; rank < VOCABULARY; rank++) {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }
        List<String> texts = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int length = 5 + random.nextInt(26);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                int rank = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                text.append(w == 0 ? "" : " ").append("word").append(rank < 0 ? -rank - 1 : rank);
            }
            texts.add(text.append('.').toString());
        }
        return texts;
    }

    private static <T> Timed<T> time(Supplier<T> work) {
        work.get();
        long[] nanos = new long[3];
        T result = null;
        for (int run = 0; run < nanos.length; run++) {
            long start = System.nanoTime();
            result = work.get();
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Timed<>(result, nanos[1] / 1e9);
    }

    private record Timed<T>(T result, double seconds) {}

    private static double tokenisingSeconds(List<String> texts) {
        return time(() -> texts.stream().map(Tokenizer::tokens).toList()).seconds();
    }

    private static void report(String what, double seconds, double baseline, Double goalSeconds) {
        String goal = goalSeconds == null
                ? "no goal"
                : String.format(
                        "goal ≤ %.1f s, ratio to goal %.3f (%s)",
                        goalSeconds, seconds / goalSeconds, seconds <= goalSeconds ? "met" : "MISSED");
        System.out.printf(
                "BENCH %-55s %8.3f s  %6.1f× tokenising (%.3f s)  %s%n",
                what, seconds, seconds / baseline, baseline, goal);
    }

    @Test
    void distinctNSampledSelfBleuAndLengthsOnTenThousand() {
        List<String> texts = syntheticTexts(10_000, 1);
        InsightsSettings settings = InsightsSettings.defaults();
        Timed<SelfBleuScore> timed = time(() -> {
            List<List<String>> tokens = texts.stream().map(Tokenizer::tokens).toList();
            LexicalDiversity.of(new NGramIndex(tokens, settings.maxN()), settings.topNGrams());
            LengthStatistics.of(texts, tokens, settings.bins());
            return new SelfBleu(settings.selfBleuExactLimit(), settings.seed()).score(tokens);
        });
        assertThat(timed.result().sampled()).isTrue();
        report(
                "distinct-1..3 + self-BLEU (sampled " + timed.result().scored() + ") + lengths, 10,000",
                timed.seconds(),
                tokenisingSeconds(texts),
                2.0);
    }

    @Test
    void exactSelfBleuOnTwoThousand() {
        List<String> texts = syntheticTexts(2_000, 2);
        List<List<String>> tokens = texts.stream().map(Tokenizer::tokens).toList();
        Timed<SelfBleuScore> timed = time(() -> new SelfBleu(2_000, 7).score(tokens));
        assertThat(timed.result().sampled()).isFalse();
        report(
                String.format(
                        "exact self-BLEU, 2,000 (value %.4f)", timed.result().value()),
                timed.seconds(),
                tokenisingSeconds(texts),
                5.0);
    }

    @Test
    void nearDuplicatesOnOneHundredThousand() {
        List<String> texts = new ArrayList<>(syntheticTexts(99_000, 3));
        // 1,000 planted near duplicates: a copy of an earlier text of at least 15 words with its last word
        // replaced, so its 2-word shingles keep a Jaccard similarity of at least 13/15 = 0.87 (threshold 0.7).
        List<String> originals = texts.stream()
                .filter(text -> Tokenizer.tokens(text).size() >= 15)
                .toList();
        for (int p = 0; p < 1_000; p++) {
            String original = originals.get(p * 37);
            texts.add(original.substring(0, original.lastIndexOf(' ')) + " planted" + p + ".");
        }
        List<SampleText> samples = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            samples.add(SampleText.of(i, texts.get(i)));
        }
        Timed<List<DuplicateGroup>> minHash = time(() -> new MinHashDetector().groups(samples));
        Timed<List<DuplicateGroup>> exact = time(() -> new ExactDuplicates().groups(samples));
        long plantedFound = minHash.result().stream()
                .flatMap(group -> group.duplicates().stream())
                .filter(member -> member.sampleId() >= 99_000)
                .count();
        double baseline = tokenisingSeconds(texts);
        report(
                "near duplicates, MinHash LSH, 100,000 (" + minHash.result().size() + " groups, " + plantedFound
                        + "/1000 planted found)",
                minHash.seconds(),
                baseline,
                null);
        report("exact duplicates, 100,000 (for comparison)", exact.seconds(), baseline, null);
        assertThat(plantedFound).isGreaterThanOrEqualTo(990);
    }

    /**
     * Embedding near duplicates (cosine ≥ 0.95) on clustered 384-dimension vectors with planted duplicates, against
     * the old detector that computes every pair's full dot product, measured in the same run (once, as it is slow;
     * a long run warms itself up) and required to give the same groups. The new detector is timed as the Review
     * screen runs it, on the common fork-join pool, and on a pool of one thread to show what the parallel blocks add.
     */
    @Test
    void embeddingNearDuplicatesAgainstAllPairs() throws Exception {
        for (int count : new int[] {10_000, 20_000}) {
            List<SampleText> samples = ClusteredEmbeddings.samples(count, 384, count);
            EmbeddingDuplicateDetector detector = new EmbeddingDuplicateDetector(0.95);
            Timed<List<DuplicateGroup>> pruned = time(() -> detector.groups(samples));
            ForkJoinPool oneThread = new ForkJoinPool(1);
            Timed<List<DuplicateGroup>> serial =
                    oneThread.submit(() -> time(() -> detector.groups(samples))).get();
            oneThread.shutdown();
            List<List<DuplicateGroup>> old = new ArrayList<>();
            double allPairs = seconds(() -> old.add(new AllPairsEmbeddingDuplicates(0.95).groups(samples)));
            assertThat(pruned.result()).isEqualTo(old.get(0)).isEqualTo(serial.result());

            int duplicates = pruned.result().stream()
                    .mapToInt(group -> group.duplicates().size())
                    .sum();
            System.out.printf(
                    "BENCH %-55s %8.3f s  one thread %.3f s  old all pairs %.3f s  ratio to old %.3f "
                            + "(one thread %.3f)%n",
                    String.format(
                            "embedding near duplicates, %,d (%d groups, %d flagged)",
                            count, pruned.result().size(), duplicates),
                    pruned.seconds(),
                    serial.seconds(),
                    allPairs,
                    pruned.seconds() / allPairs,
                    serial.seconds() / allPairs);
        }
    }

    /**
     * Embedding 10,000 short texts through {@link SampleEmbedder} (batched, for progress and cancel) against raw
     * {@code embedAll} calls on the same texts: the batching must keep at least 90% of the raw throughput. Each
     * side embeds every text once, in two halves timed in the order raw, batched, batched, raw, so that a change
     * in the machine's load during the run weighs on both sides alike.
     */
    @Test
    void embeddingTenThousandShortTextsAgainstRawEmbedAll() {
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = syntheticTexts(10_000, 4).stream()
                .map(text -> String.join(" ", Arrays.asList(text.split(" ")).subList(0, 5)))
                .toList();
        List<SampleText> samples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            samples.add(SampleText.of(i, i + " " + texts.get(i))); // distinct, so nothing is skipped as repeated
        }
        List<TextSegment> segments =
                samples.stream().map(sample -> TextSegment.from(sample.text())).toList();
        model.embedAll(segments.subList(0, 500));
        SampleEmbedder embedder = new SampleEmbedder(model);
        int half = samples.size() / 2;

        double raw = seconds(() -> model.embedAll(segments.subList(0, half)));
        double batched = seconds(() -> embedder.embed(samples.subList(0, half), InsightsProgress.NONE));
        batched += seconds(() -> embedder.embed(samples.subList(half, samples.size()), InsightsProgress.NONE));
        raw += seconds(() -> model.embedAll(segments.subList(half, segments.size())));

        double ratio = raw / batched;
        System.out.printf(
                "BENCH %-55s %8.3f s  raw embedAll %.3f s (%.0f texts/s)  throughput ratio %.3f, "
                        + "goal ≥ 0.9 (%s)%n",
                "embedding 10,000 short texts (SampleEmbedder)",
                batched,
                raw,
                texts.size() / raw,
                ratio,
                ratio >= 0.9 ? "met" : "MISSED");
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        InsightsBench bench = new InsightsBench();
        bench.distinctNSampledSelfBleuAndLengthsOnTenThousand();
        bench.exactSelfBleuOnTwoThousand();
        bench.nearDuplicatesOnOneHundredThousand();
        bench.embeddingNearDuplicatesAgainstAllPairs();
        bench.embeddingTenThousandShortTextsAgainstRawEmbedAll();
    }
}
