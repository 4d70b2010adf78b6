package io.siftbench.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.NearDuplicateMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurationThresholdsFormTest {

    @Test
    void startsFromTheThresholdsInForceAndGivesBackWhatWasTyped() {
        CurationThresholdsForm form = new CurationThresholdsForm(CurationSettings.defaults());
        assertThat(form.methodProperty().get()).isEqualTo(NearDuplicateMethod.MINHASH);
        assertThat(form.nearDuplicateProperty().get()).isEqualTo(0.7);
        assertThat(form.tooSimilarProperty().get()).isEqualTo(0.9);

        form.minWordsProperty().set(" 3 ");
        form.keywordsProperty().set("as an AI, , lorem ipsum");
        form.methodProperty().set(NearDuplicateMethod.EMBEDDING);
        // A cosine is not a Jaccard similarity: the threshold starts again from the embedding method's own.
        assertThat(form.nearDuplicateProperty().get()).isEqualTo(0.95);
        form.tooSimilarProperty().set(0.85);

        assertThat(form.settings())
                .contains(new CurationSettings(
                        3,
                        null,
                        null,
                        null,
                        List.of("as an AI", "lorem ipsum"),
                        0.95,
                        0.6,
                        null,
                        NearDuplicateMethod.EMBEDDING,
                        0.85));
        assertThat(form.problemProperty().get()).isEmpty();
    }

    @Test
    void boundsADialoguesTurnsAsTypedAndRefusesBoundsNoConversationHas() {
        CurationThresholdsForm form = new CurationThresholdsForm(CurationSettings.defaults());
        form.minTurnsProperty().set(" 2 ");
        form.maxTurnsProperty().set("6");
        assertThat(form.settings()).contains(CurationSettings.defaults().withTurns(2, 6));
        assertThat(new CurationThresholdsForm(form.settings().orElseThrow())
                        .minTurnsProperty()
                        .get())
                .as("the thresholds in force are where the form starts")
                .isEqualTo("2");

        form.minTurnsProperty().set("7");
        assertThat(form.settings()).isEmpty();
        assertThat(form.problemProperty().get()).isEqualTo("The minimum of 7 turns is above the maximum of 6.");

        form.minTurnsProperty().set("0");
        assertThat(form.settings()).isEmpty();
        assertThat(form.problemProperty().get())
                .isEqualTo("The minimum number of turns must be a whole number of 1 or more, not '0'.");
    }

    @Test
    void saysWhatIsWrongAndGivesNothing() {
        CurationThresholdsForm form = new CurationThresholdsForm(CurationSettings.defaults());

        form.minWordsProperty().set("12");
        form.maxWordsProperty().set("5");
        assertThat(form.settings()).isEmpty();
        assertThat(form.problemProperty().get()).isEqualTo("The minimum of 12 words is above the maximum of 5.");

        form.maxWordsProperty().set("five");
        assertThat(form.settings()).isEmpty();
        assertThat(form.problemProperty().get())
                .isEqualTo("The maximum number of words must be a whole number of 0 or more, not 'five'.");

        form.maxWordsProperty().set("");
        form.mustNotMatchProperty().set("(?i)as an (ai");
        assertThat(form.settings()).isEmpty();
        assertThat(form.problemProperty().get())
                .startsWith(
                        "The must-not-match pattern '(?i)as an (ai' is not a valid regular expression at character");

        form.mustNotMatchProperty().set("(?i)as an ai");
        assertThat(form.settings())
                .get()
                .extracting(CurationSettings::mustNotMatch)
                .isEqualTo("(?i)as an ai");
        assertThat(form.problemProperty().get()).isEmpty();
    }
}
