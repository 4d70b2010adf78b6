package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static List<String> names(Condition c) {
        return c.values().stream().map(ConditionValue::value).toList();
    }

    @Test
    void editingMakesChangedCopies() {
        Condition tone = Condition.of("tone", "angry", "polite");

        Condition edited =
                tone.addValue("curt").moveValue(2, 0).duplicateValue(1).renamed("mood");

        assertThat(names(edited)).containsExactly("curt", "angry", "angry (copy)", "polite");
        assertThat(edited.name()).isEqualTo("mood");
        assertThat(names(tone)).as("the original is unchanged").containsExactly("angry", "polite");
    }

    @Test
    void pastingAddsOneValuePerLineSkippingBlanksAndRepeats() {
        Condition c = Condition.of("topic", "cards").pasteValues("fees\r\n\n  atm  \ncards\nfees\n");

        assertThat(names(c)).containsExactly("cards", "fees", "atm");
    }

    @Test
    void refusesNamesMustacheCannotReachAndRepeatedValues() {
        assertThatThrownBy(() -> Condition.of("tone.x", "a")).hasMessageContaining("condition name 'tone.x'");
        assertThatThrownBy(() -> Condition.of("tone", "a", "a")).hasMessageContaining("value 'a' twice");
        assertThatThrownBy(() -> Condition.of("tone", "a").renamed("")).hasMessageContaining("condition name ''");
        assertThatThrownBy(() -> Condition.of("tone", " ")).hasMessageContaining("must not be blank");
    }
}
