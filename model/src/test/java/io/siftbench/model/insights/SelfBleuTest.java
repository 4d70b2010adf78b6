package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelfBleuTest {

    private static List<List<String>> tokenise(List<String> texts) {
        return texts.stream().map(Tokenizer::tokens).toList();
    }

    /*
     * A = "the cat sat on the mat" (6 tokens), B = "the cat sat on a mat" (6), C = "a dog ran" (3).
     *
     * A against {B, C}: unigrams the×2 (clipped to 1, B has one "the"), cat, sat, on, mat -> p1 = 5/6
     *   bigrams  the cat, cat sat, sat on match B; on the, the mat do not          -> p2 = 3/5
     *   trigrams the cat sat, cat sat on match                                      -> p3 = 2/4
     *   4-grams  the cat sat on matches                                             -> p4 = 1/3
     *   closest reference length 6 = c, so BP = 1; BLEU = (5/6·3/5·2/4·1/3)^¼ = (1/12)^¼ = 0.537285
     * B against {A, C}: every unigram occurs (a in C) -> p1 = 6/6; p2 = 3/5; p3 = 2/4; p4 = 1/3
     *   BP = 1; BLEU = (1/10)^¼ = 0.562341
     * C against {A, B}: "a" occurs in B -> p1 = 1/3; no bigram matches -> p2 = 0.1/2; no trigram
     *   -> p3 = 0.1/1; no 4-gram at all -> p4 = 0.1/max(1,0) = 0.1
     *   c = 3, closest reference length r = 6 -> BP = exp(1 − 6/3) = e^−1
     *   BLEU = e^−1 · (1/3 · 0.05 · 0.1 · 0.1)^¼ = 0.367879 · 0.113622 = 0.041799
     * self-BLEU = (0.537285 + 0.562341 + 0.041799) / 3 = 0.380475
     * (NLTK 3.10: sentence_bleu with SmoothingFunction(epsilon=0.1).method1 gives the same three values.)
     */
    @Test
    void threeSentencesMatchTheHandWorkedValue() {
        SelfBleuScore score =
                new SelfBleu().score(tokenise(List.of("the cat sat on the mat", "The cat sat on a mat.", "A dog ran")));

        assertThat(score.value()).isCloseTo(0.380475, within(1e-6));
        assertThat(score.scored()).isEqualTo(3);
        assertThat(score.sampled()).isFalse();
    }

    @Test
    void identicalSamplesScoreOneAndUnrelatedSamplesScoreZero() {
        assertThat(new SelfBleu()
                        .score(tokenise(List.of("a b c d e", "a b c d e")))
                        .value())
                .isCloseTo(1.0, within(1e-12));
        assertThat(new SelfBleu()
                        .score(tokenise(List.of("a b c d e", "f g h i j")))
                        .value())
                .isZero();
    }

    @Test
    void fewerThanTwoSamplesHaveNoSelfBleu() {
        SelfBleuScore score = new SelfBleu().score(tokenise(List.of("only one")));

        assertThat(score.value()).isNull();
        assertThat(score.population()).isEqualTo(1);
    }

    @Test
    void theFastClippingAgreesWithScoringEachSampleAgainstEveryOtherOne() {
        List<List<String>> samples = randomSentences(new Random(3), 60, 8);

        double expected = 0;
        for (int i = 0; i < samples.size(); i++) {
            List<List<String>> references = new ArrayList<>(samples);
            references.remove(i);
            expected += bruteForceBleu(samples.get(i), references);
        }
        expected /= samples.size();

        assertThat(new SelfBleu().score(samples).value()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void matchesNltkOnARandomSetWithShortSentencesAndLengthTies() {
        // 50 sentences of 1–9 tokens over 6 words; NLTK 3.10's sentence_bleu with
        // SmoothingFunction(epsilon=0.1).method1, each against the 49 others, averages 0.38077129812658833.
        List<List<String>> samples = randomSentences(new Random(21), 50, 6);

        assertThat(new SelfBleu().score(samples).value()).isCloseTo(0.38077129812658833, within(1e-12));
    }

    @Test
    void aSetAboveTheExactLimitIsScoredOnASeededSampleOfThatSize() {
        List<List<String>> samples = randomSentences(new Random(5), 500, 12);

        SelfBleuScore first = new SelfBleu(100, 42).score(samples);
        SelfBleuScore again = new SelfBleu(100, 42).score(samples);
        SelfBleuScore exact = new SelfBleu(500, 42).score(samples);

        assertThat(first.sampled()).isTrue();
        assertThat(first.scored()).isEqualTo(100);
        assertThat(first.population()).isEqualTo(500);
        assertThat(again).isEqualTo(first);
        assertThat(exact.sampled()).isFalse();
        assertThat(exact.scored()).isEqualTo(500);
        // Fewer references per sample means fewer matches: the sampled estimate is lower, but not far off.
        assertThat(first.value()).isLessThan(exact.value()).isGreaterThan(exact.value() * 0.5);
    }

    static List<List<String>> randomSentences(Random random, int count, int vocabulary) {
        List<List<String>> sentences = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<String> tokens = new ArrayList<>();
            int length = 1 + random.nextInt(9);
            for (int t = 0; t < length; t++) {
                tokens.add("w" + random.nextInt(vocabulary));
            }
            sentences.add(tokens);
        }
        return sentences;
    }

    /** The textbook definition, written independently of SelfBleu's counting tricks, as an oracle. */
    private static double bruteForceBleu(List<String> hypothesis, List<List<String>> references) {
        if (hypothesis.isEmpty()) {
            return 0;
        }
        double logSum = 0;
        for (int n = 1; n <= 4; n++) {
            Map<List<String>, Integer> counts = ngrams(hypothesis, n);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            int matches = 0;
            for (Map.Entry<List<String>, Integer> entry : counts.entrySet()) {
                int max = 0;
                for (List<String> reference : references) {
                    max = Math.max(max, ngrams(reference, n).getOrDefault(entry.getKey(), 0));
                }
                matches += Math.min(entry.getValue(), max);
            }
            if (n == 1 && matches == 0) {
                return 0;
            }
            logSum += Math.log((matches == 0 ? 0.1 : matches) / (double) Math.max(1, total)) / 4;
        }
        int c = hypothesis.size();
        int r = references.stream()
                .map(List::size)
                .min((x, y) -> Math.abs(x - c) != Math.abs(y - c) ? Math.abs(x - c) - Math.abs(y - c) : x - y)
                .orElseThrow();
        return (c > r ? 1 : Math.exp(1 - (double) r / c)) * Math.exp(logSum);
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }
}
