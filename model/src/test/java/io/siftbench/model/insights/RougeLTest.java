package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ROUGE-L against the figures Google's {@code rouge_score} gives for the same texts. */
class RougeLTest {

    @Test
    void theRougeScoreReadmeExampleGivesItsFigures() {
        // rouge_score README: precision 0.625, recall 0.5556, fmeasure 0.5882.
        double f = RougeL.f("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog");

        assertThat(f).isCloseTo(50.0 / 85.0, within(1e-12));
        assertThat(f).isCloseTo(0.5882, within(1e-4));
    }

    @Test
    void aPartOfTheReferenceHasFullPrecisionAndPartialRecall() {
        // rouge_score's own test: "testing" against "testing one two" is P 1, R 1/3, F 0.5.
        assertThat(RougeL.f("testing", "testing one two")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void caseAndPunctuationDoNotCountButWordOrderDoes() {
        assertThat(RougeL.f("Write a POEM, about cats!", "write a poem about cats"))
                .isEqualTo(1.0);
        // LCS of "a b c d" and "d c b a" is one token: P = R = 1/4.
        assertThat(RougeL.f("a b c d", "d c b a")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void textsWithNothingInCommonOrNoTokensScoreZero() {
        assertThat(RougeL.f("alpha beta", "gamma delta")).isZero();
        assertThat(RougeL.f("", "gamma delta")).isZero();
        assertThat(RougeL.f("?!", "")).isZero();
    }

    @Test
    void theSubsequenceNeedNotBeContiguous() {
        assertThat(RougeL.lcs(List.of("a", "x", "b", "y", "c"), List.of("a", "b", "z", "c")))
                .isEqualTo(3);
    }
}
