package io.siftbench.model.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.insights.SampleText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleRulesTest {

    private static final List<SampleText> TEXTS = List.of(
            SampleText.of(1, "Hi"),
            SampleText.of(2, "Where is my new card?"),
            SampleText.of(3, "Please refund me, my card is blocked."),
            SampleText.of(4, "As an AI language model, I cannot help."));

    @Test
    void lengthBoundsInWordsAndInCharacters() {
        assertThat(new LengthFilter(LengthUnit.WORDS, 2, 6).flag(TEXTS))
                .containsExactly(
                        new Flag(1, FlagKind.LENGTH, "1 words, fewer than the minimum 2"),
                        new Flag(3, FlagKind.LENGTH, "7 words, more than the maximum 6"),
                        new Flag(4, FlagKind.LENGTH, "8 words, more than the maximum 6"));
        assertThat(new LengthFilter(LengthUnit.CHARACTERS, null, 21).flag(TEXTS))
                .extracting(Flag::sampleId)
                .containsExactly(3L, 4L);
    }

    @Test
    void crossedLengthBoundsAreRefused() {
        assertThatThrownBy(() -> new LengthFilter(LengthUnit.WORDS, 5, 2))
                .hasMessage("length bounds are crossed: minimum 5 > maximum 2");
    }

    @Test
    void patternsAndKeywordsSayWhatMatchedAndWhere() {
        PatternFilter filter = PatternFilter.of("\\?|\\.$", "(?i)as an ai", List.of("Refund", "new card"));

        assertThat(filter.flag(TEXTS))
                .containsExactly(
                        new Flag(1, FlagKind.PATTERN, "does not match the required pattern '\\?|\\.$'"),
                        new Flag(2, FlagKind.PATTERN, "contains the keyword 'new card'"),
                        new Flag(3, FlagKind.PATTERN, "contains the keyword 'refund'"),
                        new Flag(
                                4,
                                FlagKind.PATTERN,
                                "matches the forbidden pattern '(?i)as an ai' at character 1: 'As an AI'"));
    }

    @Test
    void keywordsMatchWholeWordsOnly() {
        PatternFilter filter = PatternFilter.of(null, "", List.of("card"));

        assertThat(filter.flag(List.of(SampleText.of(1, "my cardigan"), SampleText.of(2, "my CARD"))))
                .extracting(Flag::sampleId)
                .containsExactly(2L);
    }

    @Test
    void aMalformedPatternIsReportedWithItsPosition() {
        assertThatThrownBy(() -> PatternFilter.of("card(", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "the must-match pattern 'card(' is not a valid regular expression at character");
    }

    @Test
    void annotateLabelsOutsideTheLabelSetAreInvalid() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withLabel("card_arrival"),
                SampleText.of(2, "b").withLabel("Card arrival"),
                SampleText.of(3, "c"));

        assertThat(InvalidOutputFilter.labelSet(List.of("card_arrival", "top_up"))
                        .flag(samples))
                .containsExactly(
                        new Flag(2, FlagKind.INVALID_OUTPUT, "label 'Card arrival' is not in the label set"),
                        new Flag(3, FlagKind.INVALID_OUTPUT, "no label"));
    }

    @Test
    void synthesizeOutputsMissingARequiredFieldAreInvalid() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withFields(Map.of("question", "Where is it?", "intent", "card_arrival")),
                SampleText.of(2, "b").withFields(Map.of("question", "Lost it")),
                SampleText.of(3, "c").withFields(Map.of("question", " ", "intent", "lost")));

        assertThat(InvalidOutputFilter.requiredFields(List.of("question", "intent"))
                        .flag(samples))
                .containsExactly(
                        new Flag(2, FlagKind.INVALID_OUTPUT, "missing required field 'intent'"),
                        new Flag(3, FlagKind.INVALID_OUTPUT, "missing required field 'question'"));
    }

    @Test
    void lowJudgeScoresAreFlaggedWithTheJudgesReasonAndUnjudgedSamplesAreNot() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withJudgement(4.0, "fluent"),
                SampleText.of(2, "b").withJudgement(2.0, "off topic"),
                SampleText.of(3, "c"),
                SampleText.of(4, "d").withJudgement(0.0, null));

        assertThat(new JudgeScoreFilter(3).flag(samples))
                .containsExactly(
                        new Flag(2, FlagKind.LOW_JUDGE_SCORE, "judge score 2 below 3: off topic"),
                        new Flag(4, FlagKind.LOW_JUDGE_SCORE, "judge score 0 below 3"));
    }

    @Test
    void lowSelfConsistencyIsFlaggedBelowTheAgreementThreshold() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withVotes(List.of("x", "x", "x", "y", "x")),
                SampleText.of(2, "b").withVotes(List.of("x", "y", "z", "y", "x")),
                SampleText.of(3, "c").withVotes(List.of("x")));

        assertThat(new SelfConsistencyFilter(0.6).flag(samples))
                .containsExactly(
                        new Flag(2, FlagKind.LOW_SELF_CONSISTENCY, "votes agree 0.4 (x in 5 votes), below 0.6"));
    }
}
