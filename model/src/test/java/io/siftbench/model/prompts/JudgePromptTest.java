package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.OutputValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judge prompts in the prompt file: the scale, the schema derived from it, and what a judge template may use. */
class JudgePromptTest {

    private static final String JUDGE =
            """
            {"name": "faithful", "mode": "judge",
             "task": {"role": "You grade labels."},
             "template": {"system": "{{task.role}}",
                          "user": "Q: {{record.text}} ({{condition.tone}})\\nLabel: {{sample.label}} because {{sample.rationale}}\\nText: {{sample.text}}"}%s}
            """;

    @Test
    void aJudgeWithoutAScaleScoresFromOneToFiveAndWritesTheScaleOut() throws Exception {
        PromptVersion judge = PromptFile.parse(JUDGE.formatted(""), "faithful.json");

        assertThat(judge.mode()).isEqualTo(PromptMode.JUDGE);
        assertThat(judge.scale()).isEqualTo(new JudgeScale(JudgeScale.Kind.SCORE, 1.0, 5.0));
        assertThat(judge.scale().passMark()).isEqualTo(3.0);
        JsonNode written = new ObjectMapper().readTree(PromptFile.write(judge));
        assertThat(written.path("mode").asText()).isEqualTo("judge");
        assertThat(written.path("scale").toString()).isEqualTo("{\"kind\":\"score\",\"min\":1.0,\"max\":5.0}");
        assertThat(PromptFile.parse(PromptFile.write(judge), "again")).isEqualTo(judge);
    }

    @Test
    void theScoreSchemaTakesScoresOnTheScaleWithAReasonOnly() {
        PromptVersion judge = PromptFile.parse(JUDGE.formatted(", \"scale\": {\"min\": 0, \"max\": 10}"), "f.json");
        OutputValidator validator = new OutputValidator();

        assertThat(validator
                        .validate("{\"score\": 7, \"reason\": \"close\"}", judge.outputSchema())
                        .valid())
                .isTrue();
        assertThat(validator
                        .validate("{\"score\": 11, \"reason\": \"too high\"}", judge.outputSchema())
                        .error())
                .contains("score");
        assertThat(validator.validate("{\"score\": 4}", judge.outputSchema()).error())
                .contains("reason");
        assertThat(validator
                        .validate("{\"pass\": true, \"reason\": \"ok\"}", judge.outputSchema())
                        .valid())
                .isFalse();
    }

    @Test
    void aPassFailJudgeAnswersPassWithAReasonAndPassesAtOne() {
        PromptVersion judge = PromptFile.parse(JUDGE.formatted(", \"scale\": {\"kind\": \"pass-fail\"}"), "f.json");
        OutputValidator validator = new OutputValidator();

        assertThat(judge.scale().lowest()).isZero();
        assertThat(judge.scale().highest()).isEqualTo(1.0);
        assertThat(judge.scale().passMark()).isEqualTo(1.0);
        assertThat(validator
                        .validate("{\"pass\": false, \"reason\": \"off topic\"}", judge.outputSchema())
                        .valid())
                .isTrue();
        assertThat(validator
                        .validate("{\"score\": 1, \"reason\": \"x\"}", judge.outputSchema())
                        .valid())
                .isFalse();
        assertThat(PromptFile.write(judge)).contains("\"kind\" : \"pass-fail\"").doesNotContain("\"min\"");
    }

    @Test
    void aJudgeSeesTheSampleItsRecordAndAnyConditionWhereAnAnnotatorWouldNot() {
        PromptVersion judge = PromptFile.parse(JUDGE.formatted(""), "faithful.json");
        Placeholders judgeSees = new Placeholders(judge, null, null);
        PromptVersion annotator = new PromptVersion(
                "a",
                null,
                PromptMode.ANNOTATE,
                new TaskSpec(null, null, null, List.of(new Label("x", null, null)), false, false),
                new Template(null, "{{condition.tone}}"),
                null,
                null,
                null,
                null);

        assertThat(judgeSees.unknown(judge.template().user())).isEmpty();
        assertThat(new Placeholders(annotator, null, null).unknown("{{condition.tone}}"))
                .containsExactly("condition.tone");
    }

    @Test
    void onceTheJudgedSamplesFieldsAreKnownAMisspeltOneIsFlagged() {
        PromptVersion judge = PromptFile.parse(JUDGE.formatted(""), "faithful.json");
        String template =
                "{{sample.text}} {{sample.label}} {{sample.topic}} {{sample.lable}} {{#sample.label}}x{{/sample.label}}";

        assertThat(new Placeholders(judge, null, null).unknown(template)).isEmpty();
        assertThat(new Placeholders(judge, null, null, java.util.Set.of("text", "label", "topic")).unknown(template))
                .containsExactly("sample.lable");
    }

    @Test
    void onceTheJudgedRunsConditionsAreKnownAnUndeclaredOneIsFlagged() {
        PromptVersion judge = PromptFile.parse(JUDGE.formatted(""), "faithful.json");
        String template = "{{#condition.tone}}{{condition.tone}}{{/condition.tone}} {{condition.mood}}";

        assertThat(new Placeholders(judge, null, null, null, null).unknown(template))
                .isEmpty();
        assertThat(new Placeholders(judge, null, null, null, java.util.Set.of("tone")).unknown(template))
                .containsExactly("condition.mood");
    }

    @Test
    void badScalesAndJudgeConditionsAreRefusedSayingWhere() {
        assertThatThrownBy(() -> PromptFile.parse(JUDGE.formatted(", \"scale\": {\"min\": 5, \"max\": 5}"), "f.json"))
                .hasMessageContaining("f.json")
                .hasMessageContaining("scale")
                .hasMessageContaining("below its max");
        assertThatThrownBy(() -> PromptFile.parse(
                        JUDGE.formatted(
                                ", \"conditions\": [{\"name\": \"tone\", \"values\": [{\"value\": \"angry\"}]}]"),
                        "f.json"))
                .hasMessageContaining("conditions: a judge sees the judged sample's condition values");
        assertThatThrownBy(() -> PromptFile.parse(
                        """
                {"name": "a", "mode": "annotate", "task": {"labels": [{"name": "x"}]}, "template": {"user": "{{text}}"},
                 "scale": {"min": 1, "max": 5}}
                """,
                        "a.json"))
                .hasMessageContaining("scale: only a judge prompt");
    }
}
