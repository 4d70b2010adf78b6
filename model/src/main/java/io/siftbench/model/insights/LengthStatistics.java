package io.siftbench.model.insights;

import java.util.List;

/** How long the samples are, in characters (Unicode code points) and in words (tokens of {@link Tokenizer}). */
public record LengthStatistics(Summary characters, Summary words) {

    public static LengthStatistics of(List<String> texts, List<List<String>> tokenLists, int bins) {
        double[] characters = texts.stream().mapToDouble(text -> text.codePointCount(0, text.length())).toArray();
        double[] words = tokenLists.stream().mapToDouble(List::size).toArray();
        return new LengthStatistics(Summary.of(characters, bins), Summary.of(words, bins));
    }
}
