package io.siftbench.model.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputValidatorTest {

    private final OutputValidator validator = new OutputValidator();
    private final OutputSchema labels = OutputSchema.label(List.of("card_arrival", "lost_or_stolen_card"));

    @Test
    void acceptsAnAllowedLabelAndKeepsTheParsedValue() {
        Validation v = validator.validate("{\"label\": \"card_arrival\"}", labels);

        assertThat(v.valid()).isTrue();
        assertThat(v.value().get("label").asText()).isEqualTo("card_arrival");
    }

    @Test
    void findsTheObjectInsideAFenceOrAfterProse() {
        assertThat(validator
                        .validate("```json\n{\"label\": \"lost_or_stolen_card\"}\n```", labels)
                        .valid())
                .isTrue();
        assertThat(validator
                        .validate("Sure {not json}. Here it is: {\"label\": \"card_arrival\"} hope it helps", labels)
                        .valid())
                .isTrue();
    }

    @Test
    void refusesALabelOutsideTheEnumAndSaysWhichAndWhere() {
        Validation v = validator.validate("{\"label\": \"pizza\"}", labels);

        assertThat(v.valid()).isFalse();
        assertThat(v.error()).contains("$.label").contains("\"pizza\"").contains("card_arrival");
    }

    @Test
    void reportsAMissingFieldAWrongTypeAndNoJsonAtAll() {
        assertThat(validator.validate("{\"labl\": \"card_arrival\"}", labels).error())
                .contains("missing required field 'label'");
        assertThat(validator.validate("{\"label\": 3}", labels).error()).contains("expected string but got a number");
        assertThat(validator
                        .validate("Once upon a time there was a card", labels)
                        .error())
                .isEqualTo("no JSON object in the output");
    }

    @Test
    void checksNestedArraysRangesAndClosedObjects() {
        OutputSchema schema = OutputSchema.parse(
                """
                {"type":"object","additionalProperties":false,
                 "properties":{"score":{"type":"integer","minimum":1,"maximum":5},
                               "tags":{"type":"array","items":{"type":"string"}}},
                 "required":["score"]}""");

        assertThat(validator
                        .validate("{\"score\": 4, \"tags\": [\"a\", \"b\"]}", schema)
                        .valid())
                .isTrue();
        assertThat(validator
                        .validate("{\"score\": 9, \"tags\": [\"a\", 2], \"x\": 1}", schema)
                        .error())
                .contains("$.score: 9 is above the maximum 5")
                .contains("$.tags[1]: expected string")
                .contains("unexpected field 'x'");
    }

    @Test
    void withoutASchemaAnyTextIsValid() {
        assertThat(validator.validate("just a story", null)).isEqualTo(Validation.NOT_REQUIRED);
    }

    @Test
    void aSchemaThatIsNotJsonSaysWhere() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputSchema.parse("{\"type\":\n  oops}"))
                .hasMessageContaining("line 2");
    }
}
