package io.siftbench.views.insights;

import static io.siftbench.views.insights.MeasuredRuns.measured;
import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.SampleText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map's "colour map by" chooser: what it offers, what it keeps, and when the map is drawn again. */
class ColourByTest {

    private static final List<SampleText> TONED = List.of(
            SampleText.of(1, "so angry")
                    .withConditions(Map.of("tone", "angry", "persona", "student"))
                    .withStatus(SampleStatus.ACCEPTED)
                    .withLabel("lost_card"),
            SampleText.of(2, "quite calm").withConditions(Map.of("tone", "calm")));

    private final ColourBy colourBy = new ColourBy();

    @Test
    void beforeAnyMeasuringTheMapIsColouredByStatusOrLabel() {
        assertThat(colourBy.choices()).containsExactly("status", "label");
        assertThat(colourBy.chosen()).isEqualTo("status");
    }

    @Test
    void theMeasuredSamplesConditionsAreOfferedByName() {
        assertThat(colourBy.offerFor(List.of(measured(1, TONED)))).isTrue();
        assertThat(colourBy.choices()).containsExactly("status", "label", "persona", "tone");
        assertThat(colourBy.offerFor(List.of(measured(2, TONED))))
                .as("the same choices again")
                .isFalse();
    }

    @Test
    void aChoiceStaysWhileItIsOfferedAndFallsBackToStatusOnceItIsNot() {
        colourBy.offerFor(List.of(measured(1, TONED)));
        assertThat(colourBy.choose("tone")).isTrue();
        colourBy.offerFor(List.of(measured(1, TONED.subList(1, 2))));
        assertThat(colourBy.chosen()).isEqualTo("tone");
        colourBy.offerFor(List.of(measured(1, MeasuredRuns.texts("no conditions at all"))));
        assertThat(colourBy.chosen()).isEqualTo("status");
    }

    @Test
    void replacingTheChoicesDoesNotDrawTheMapAgain() {
        colourBy.offerFor(List.of(measured(1, TONED)));
        colourBy.choose("tone");
        colourBy.offerFor(List.of(measured(1, TONED.subList(1, 2))));
        // While its choices are replaced the chooser shows no value, then the one kept: no choice of the user's.
        assertThat(colourBy.choose(null)).isFalse();
        assertThat(colourBy.choose("tone")).isFalse();
        assertThat(colourBy.choose("persona")).as("no longer offered").isFalse();
        assertThat(colourBy.chosen()).isEqualTo("tone");
        assertThat(colourBy.choose("label")).isTrue();
    }

    @Test
    void aPointIsColouredByItsSamplesValueOrNoneWithout() {
        colourBy.offerFor(List.of(measured(1, TONED)));
        assertThat(colourBy.colourOf(TONED.get(0))).isEqualTo("accepted");
        assertThat(colourBy.colourOf(TONED.get(1))).isEqualTo("undecided");
        colourBy.choose("label");
        assertThat(colourBy.colourOf(TONED.get(0))).isEqualTo("lost_card");
        assertThat(colourBy.colourOf(TONED.get(1))).isEqualTo("(none)");
        colourBy.choose("persona");
        assertThat(colourBy.colourOf(TONED.get(0))).isEqualTo("student");
        assertThat(colourBy.colourOf(TONED.get(1))).isEqualTo("(none)");
    }
}
