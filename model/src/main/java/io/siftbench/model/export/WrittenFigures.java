package io.siftbench.model.export;

import io.siftbench.model.insights.SelfBleu;
import io.siftbench.model.insights.SelfBleuScore;
import io.siftbench.model.insights.Tokenizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dataset card's figures of what was written, gathered as each record is written rather than from records
 * held: the records per split, per label and split, and the diversity of their texts. Counts, tokens and mean
 * lengths are exact. Self-BLEU scores the same seeded subset as {@link SelfBleu} does (only those texts' tokens are
 * kept); the vocabulary and distinct-n are exact up to {@link #DISTINCT_LIMIT} texts and, above, measured on a
 * seeded sample of that many, which the card says.
 */
final class WrittenFigures {

    /** Up to this many texts, vocabulary and distinct-n are measured on all; above, on a seeded sample this big. */
    static final int DISTINCT_LIMIT = 50_000;

    private final int population;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> byLabel = new TreeMap<>();
    private final SelfBleu selfBleu = new SelfBleu();
    private final Map<Integer, List<String>> scored = new TreeMap<>();
    private final BitSet bleuPositions = new BitSet();
    private final BitSet distinctPositions;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private long[] bigrams = new long[1024];
    private int bigramCount;
    private long sampledTokens;
    private int texts;
    private long tokens;
    private long characters;

    /** For {@code population} texts, each added once with its place among them. */
    WrittenFigures(int population) {
        this.population = population;
        for (int i : selfBleu.scoredPositions(population)) {
            bleuPositions.set(i);
        }
        distinctPositions = new BitSet();
        if (population > DISTINCT_LIMIT) {
            for (int i : SelfBleu.seededSubset(population, DISTINCT_LIMIT, SelfBleu.DEFAULT_SEED)) {
                distinctPositions.set(i);
            }
        } else {
            distinctPositions.set(0, population);
        }
    }

    /** A record written to {@code split}; {@code text} is what the diversity is measured on. */
    void add(int position, String label, Split split, String written) {
        String text = written == null ? "" : written;
        counts.merge(split.id(), 1, Integer::sum);
        byLabel.computeIfAbsent(label == null ? "(no label)" : label, k -> new TreeMap<>())
                .merge(split.id(), 1, Integer::sum);
        List<String> words = Tokenizer.tokens(text);
        texts++;
        tokens += words.size();
        characters += text.codePointCount(0, text.length());
        if (bleuPositions.get(position)) {
            scored.put(position, words);
        }
        if (distinctPositions.get(position)) {
            sampledTokens += words.size();
            int previous = -1;
            for (String word : words) {
                int id = vocabulary.computeIfAbsent(word, w -> vocabulary.size());
                if (previous >= 0) {
                    addBigram(((long) previous << 32) | id);
                }
                previous = id;
            }
        }
    }

    long count(String split) {
        return counts.getOrDefault(split, 0);
    }

    int total() {
        return texts;
    }

    /** Per label (in name order; "(no label)" for none), the records per split id. */
    Map<String, Map<String, Integer>> byLabel() {
        return byLabel;
    }

    long tokens() {
        return tokens;
    }

    /** The texts vocabulary and distinct-n were measured on: all, or a seeded sample. */
    int distinctTexts() {
        return Math.min(texts, distinctPositions.cardinality());
    }

    boolean distinctSampled() {
        return population > DISTINCT_LIMIT;
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    double distinct1() {
        return sampledTokens == 0 ? 0 : (double) vocabulary.size() / sampledTokens;
    }

    double distinct2() {
        long[] sorted = Arrays.copyOf(bigrams, bigramCount);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return bigramCount == 0 ? 0 : (double) distinct / bigramCount;
    }

    SelfBleuScore selfBleu() {
        return selfBleu.scoreChosen(List.copyOf(scored.values()), texts);
    }

    double meanCharacters() {
        return (double) characters / texts;
    }

    double meanWords() {
        return (double) tokens / texts;
    }

    private void addBigram(long key) {
        if (bigramCount == bigrams.length) {
            bigrams = Arrays.copyOf(bigrams, bigramCount * 2);
        }
        bigrams[bigramCount++] = key;
    }
}
