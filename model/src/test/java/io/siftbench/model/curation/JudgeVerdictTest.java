package io.siftbench.model.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.insights.SampleText;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeVerdictTest {

    @Test
    void aScoreOnAScaleWithItsReasonEvenInsideProseAndACodeFence() {
        String reply = "Here is my verdict:\n```json\n{\"score\": 2, \"reason\": \"off topic\"}\n```";

        assertThat(JudgeVerdict.parse(reply, 1, 5)).isEqualTo(new JudgeVerdict(2, "off topic"));
    }

    @Test
    void passOrFailReadsAsOneOrZero() {
        assertThat(JudgeVerdict.parse("{\"pass\": false, \"reason\": \"not a question\"}", 0, 1))
                .isEqualTo(new JudgeVerdict(0, "not a question"));
        assertThat(JudgeVerdict.parse("{\"pass\": true}", 0, 1)).isEqualTo(new JudgeVerdict(1, null));
    }

    @Test
    void aVerdictFeedsTheJudgeScoreFilter() {
        JudgeVerdict verdict = JudgeVerdict.parse("{\"score\": 2, \"reason\": \"off topic\"}", 1, 5);
        SampleText judged = SampleText.of(7, "text").withJudgement(verdict.score(), verdict.reason());

        assertThat(new JudgeScoreFilter(3).flag(List.of(judged)))
                .containsExactly(new Flag(7, FlagKind.LOW_JUDGE_SCORE, "judge score 2 below 3: off topic"));
    }

    @Test
    void unusableRepliesSayWhatIsWrong() {
        assertThatThrownBy(() -> JudgeVerdict.parse("I think it is fine.", 1, 5))
                .hasMessage("the judge's reply holds no JSON object: 'I think it is fine.'");
        assertThatThrownBy(() -> JudgeVerdict.parse("Verdict:\n{\"score\": 4,\n \"reason\": }", 1, 5))
                .hasMessageStartingWith(
                        "the judge's reply is not valid JSON at line 3, column 12: Unexpected " + "character ('}'");
        assertThatThrownBy(() -> JudgeVerdict.parse("{\"score\": \"high\"}", 1, 5))
                .hasMessageStartingWith("the judge's reply has no numeric \"score\" and no boolean \"pass\"");
        assertThatThrownBy(() -> JudgeVerdict.parse("{\"score\": 9}", 1, 5))
                .hasMessage("the judge's score 9 is outside the scale 1 to 5");
    }
}
