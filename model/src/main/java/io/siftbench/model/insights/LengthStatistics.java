package io.siftbench.model.insights;

import java.util.List;

/** How long the samples are, in characters (Unicode code points) and in words (tokens of {@link Tokenizer}). */
public record LengthStatistics(Summary characters, Summary words) {

    /** The lengths, each histogram spanning its own values in {@code bins} bins. */
    public static LengthStatistics of(List<String> texts, List<List<String>> tokenLists, int bins) {
        double[] characters = characterLengths(texts);
        double[] words = wordLengths(tokenLists);
        return of(characters, words, HistogramAxis.integers(characters, bins), HistogramAxis.integers(words, bins));
    }

    /** The lengths with histograms on given axes, to line up with other sets' histograms. */
    public static LengthStatistics of(
            List<String> texts, List<List<String>> tokenLists, HistogramAxis characterAxis, HistogramAxis wordAxis) {
        return of(characterLengths(texts), wordLengths(tokenLists), characterAxis, wordAxis);
    }

    private static LengthStatistics of(
            double[] characters, double[] words, HistogramAxis characterAxis, HistogramAxis wordAxis) {
        return new LengthStatistics(Summary.of(characters, characterAxis), Summary.of(words, wordAxis));
    }

    public static double[] characterLengths(List<String> texts) {
        return texts.stream()
                .mapToDouble(text -> text.codePointCount(0, text.length()))
                .toArray();
    }

    public static double[] wordLengths(List<List<String>> tokenLists) {
        return tokenLists.stream().mapToDouble(List::size).toArray();
    }
}
