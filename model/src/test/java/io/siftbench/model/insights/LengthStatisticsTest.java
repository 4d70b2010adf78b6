package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthStatisticsTest {

    @Test
    void charactersAndWordsAreSummarisedWithAHistogram() {
        // words: 1, 2, 3, 6 -> mean 3, median 2.5, population sd sqrt((4+1+0+9)/4) = sqrt(3.5)
        List<String> texts = List.of("Hi", "Hi you", "a b c", "one two three four five six");
        LengthStatistics lengths =
                LengthStatistics.of(texts, texts.stream().map(Tokenizer::tokens).toList(), 5);

        Summary words = lengths.words();
        assertThat(words.count()).isEqualTo(4);
        assertThat(words.min()).isEqualTo(1);
        assertThat(words.max()).isEqualTo(6);
        assertThat(words.mean()).isEqualTo(3);
        assertThat(words.median()).isEqualTo(2.5);
        assertThat(words.standardDeviation()).isCloseTo(Math.sqrt(3.5), within(1e-12));
        // 1 to 6 is six whole numbers: at most 5 bins of equal whole width makes [1, 2] [3, 4] [5, 6].
        assertThat(words.histogram()).isEqualTo(new Histogram(1, 2, new long[] {2, 1, 1}));
        assertThat(lengths.characters().max()).isEqualTo(27);
    }

    @Test
    void lengthBinsAreDisjointRangesOfWholeNumbers() {
        List<String> texts = List.of("a", "a b", "a b c d", "a b c d e f g h i j k l");
        Histogram words = LengthStatistics.of(
                        texts, texts.stream().map(Tokenizer::tokens).toList(), 5)
                .words()
                .histogram();

        List<String> ranges = new java.util.ArrayList<>();
        for (int bin = 0; bin < words.bins(); bin++) {
            ranges.add(words.firstInteger(bin) + "–" + words.lastInteger(bin));
            if (bin > 0) {
                assertThat(words.firstInteger(bin)).isEqualTo(words.lastInteger(bin - 1) + 1);
            }
        }
        assertThat(ranges).containsExactly("1–3", "4–6", "7–9", "10–12");
        assertThat(words.counts()).containsExactly(2, 1, 0, 1);
    }

    @Test
    void charactersAreCodePointsSoAnEmojiCountsOnce() {
        LengthStatistics lengths = LengthStatistics.of(List.of("ok 👍"), List.of(Tokenizer.tokens("ok 👍")), 1);

        assertThat(lengths.characters().max()).isEqualTo(4);
        assertThat(lengths.words().max()).isEqualTo(1);
    }

    @Test
    void anEmptySetSummarisesToZeros() {
        LengthStatistics lengths = LengthStatistics.of(List.of(), List.of(), 3);

        assertThat(lengths.words().count()).isZero();
        assertThat(lengths.words().histogram().counts()).containsExactly(0, 0, 0);
    }
}
