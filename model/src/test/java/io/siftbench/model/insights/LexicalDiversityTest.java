package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalDiversityTest {

    /*
     * The four sentences tokenise to: [the cat sat] [the cat ran] [a dog ran] [the cat sat].
     * Unigrams: 12 in all; different: the, cat, sat, ran, a, dog = 6          -> distinct-1 = 6/12 = 0.5
     * Bigrams: 8 in all (2 per sentence); different: the cat, cat sat, cat ran,
     *          a dog, dog ran = 5                                              -> distinct-2 = 5/8 = 0.625
     * Trigrams: 4 in all; different: the cat sat, the cat ran, a dog ran = 3    -> distinct-3 = 3/4 = 0.75
     */
    private static final List<String> FOUR_SENTENCES =
            List.of("The cat sat.", "The cat ran!", "A dog ran.", "the Cat sat");

    private static LexicalDiversity measure(List<String> texts, int top) {
        return LexicalDiversity.of(
                new NGramIndex(texts.stream().map(Tokenizer::tokens).toList(), 3), top);
    }

    @Test
    void distinctNOnFourSentencesMatchesTheHandCount() {
        LexicalDiversity diversity = measure(FOUR_SENTENCES, 3);

        assertThat(diversity.distinct(1)).isEqualTo(new DistinctN(1, 6, 12, 0.5));
        assertThat(diversity.distinct(2)).isEqualTo(new DistinctN(2, 5, 8, 0.625));
        assertThat(diversity.distinct(3)).isEqualTo(new DistinctN(3, 3, 4, 0.75));
        assertThat(diversity.vocabularySize()).isEqualTo(6);
        assertThat(diversity.tokens()).isEqualTo(12);
    }

    @Test
    void topNGramsAreMostFrequentFirstWithTiesInAlphabeticalOrder() {
        LexicalDiversity diversity = measure(FOUR_SENTENCES, 3);

        assertThat(diversity.topNGrams().get(1))
                .containsExactly(new NGramCount("cat", 3), new NGramCount("the", 3), new NGramCount("ran", 2));
        assertThat(diversity.topNGrams().get(2)).first().isEqualTo(new NGramCount("the cat", 3));
        assertThat(diversity.topNGrams().get(3)).first().isEqualTo(new NGramCount("the cat sat", 2));
    }

    @Test
    void aSetWithoutTokensHasZeroDistinctNRatherThanAnError() {
        LexicalDiversity diversity = measure(List.of("...", ""), 5);

        assertThat(diversity.distinct(1).value()).isZero();
        assertThat(diversity.topNGrams().get(1)).isEmpty();
    }
}
