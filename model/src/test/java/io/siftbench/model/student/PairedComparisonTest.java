package io.siftbench.model.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void mcNemarsExactPValuesAreTheBinomialTails() {
        // Two-sided: 2 · (C(10,0) + C(10,1)) / 2^10 = 22 / 1024.
        assertThat(PairedComparison.mcNemarExact(1, 9)).isCloseTo(0.021484375, within(1e-9));
        assertThat(PairedComparison.mcNemarExact(9, 1)).isCloseTo(0.021484375, within(1e-9));
        // 2 · 1 / 2^5
        assertThat(PairedComparison.mcNemarExact(0, 5)).isCloseTo(0.0625, within(1e-12));
        assertThat(PairedComparison.mcNemarExact(7, 7)).isEqualTo(1.0);
        assertThat(PairedComparison.mcNemarExact(0, 0)).isEqualTo(1.0);
        // Thousands of disagreements neither overflow nor underflow: 2000 against 2200 is far from even.
        double p = PairedComparison.mcNemarExact(2000, 2200);
        assertThat(p).isGreaterThan(0).isLessThan(0.01);
        assertThat(PairedComparison.mcNemarExact(2000, 2010)).isBetween(0.8, 1.0);
    }

    @Test
    void countsTheItemsOnlyOneGotRightAndIntervalsTheDifference() {
        // 40 items: both right on 20, only B on 12, only A on 3, both wrong on 5.
        List<LabelledText> test = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            test.add(new LabelledText(i, "t" + i, "x"));
            boolean rightA = i < 20 || (i >= 32 && i < 35);
            boolean rightB = i < 32;
            a.add(rightA ? "x" : "y");
            b.add(rightB ? "x" : "y");
        }
        List<Double> sure = Collections.nCopies(40, 0.9);
        PairedComparison paired =
                PairedComparison.of(new Predictions(test, a, sure), new Predictions(test, b, sure), 42);

        assertThat(paired.items()).isEqualTo(40);
        assertThat(paired.onlyA()).isEqualTo(3);
        assertThat(paired.onlyB()).isEqualTo(12);
        assertThat(paired.accuracyA()).isEqualTo(23 / 40.0);
        assertThat(paired.accuracyB()).isEqualTo(32 / 40.0);
        assertThat(paired.difference().value()).isCloseTo(9 / 40.0, within(1e-12));
        assertThat(paired.difference().low())
                .isLessThan(paired.difference().value())
                .isGreaterThan(0);
        assertThat(paired.difference().high()).isGreaterThan(paired.difference().value());
        assertThat(paired.pValue()).isCloseTo(PairedComparison.mcNemarExact(3, 12), within(1e-15));
        assertThat(paired.significant()).isTrue();
    }

    @Test
    void refusesAnswersOnDifferentItems() {
        List<Double> sure = List.of(0.9, 0.9);
        Predictions a = new Predictions(
                List.of(new LabelledText(1, "a", "x"), new LabelledText(2, "b", "x")), List.of("x", "x"), sure);
        Predictions b = new Predictions(
                List.of(new LabelledText(1, "a", "x"), new LabelledText(3, "c", "x")), List.of("x", "x"), sure);

        assertThatThrownBy(() -> PairedComparison.of(a, b, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a paired comparison needs the same test items in the same order: item 1 is #2 in one and"
                        + " #3 in the other");
    }
}
