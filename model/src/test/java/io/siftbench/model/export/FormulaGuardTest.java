package io.siftbench.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile CSV cells are disarmed, harmless ones untouched, and every one comes back exactly. */
class FormulaGuardTest {

    private static final List<String> HOSTILE = List.of(
            "=1+1",
            "=HYPERLINK(\"http://evil\",\"click\")",
            "+41 79 000 00 00",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1",
            "\r=1",
            "'=1",
            "'");
    private static final List<String> HARMLESS =
            List.of("", "plain text", "a=b", " =1 (space first)", "don't", "1-2", "\n=1 after a line feed");

    @Test
    void hostileCellsGetALeadingQuote() {
        for (String cell : HOSTILE) {
            assertThat(FormulaGuard.guard(cell)).as(cell).isEqualTo("'" + cell);
        }
    }

    @Test
    void harmlessCellsAreLeftAlone() {
        for (String cell : HARMLESS) {
            assertThat(FormulaGuard.guard(cell)).as(cell).isEqualTo(cell);
        }
        assertThat(FormulaGuard.guard(null)).isNull();
    }

    @Test
    void unguardGivesBackExactlyWhatWasGuarded() {
        for (String cell : concat(HOSTILE, HARMLESS)) {
            assertThat(FormulaGuard.unguard(FormulaGuard.guard(cell))).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void normalisedHashesIgnoreCaseWidthAndSpacingOnly() {
        assertThat(TextHash.of("  Where is  MY\tcard?\r\n")).isEqualTo(TextHash.of("where is my card?"));
        assertThat(TextHash.of("ｗｈｅｒｅ")).as("full-width letters").isEqualTo(TextHash.of("where"));
        assertThat(TextHash.of("where is my card")).isNotEqualTo(TextHash.of("where is my card?"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
