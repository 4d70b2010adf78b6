package io.siftbench.model.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Compare lines up synthesized samples: by the condition combination every variant has. */
class AlignmentTest {

    @Test
    void synthesesLineUpByCombinationAndItsOccurrence() {
        List<ReviewItem> base = List.of(story(1, "angry"), story(2, "polite"), story(3, "angry"));
        List<ReviewItem> other = List.of(story(11, "polite"), story(12, "angry"), story(13, "angry"));

        List<CompareRow> rows = Alignment.of(List.of(base, other));

        assertThat(rows)
                .extracting(CompareRow::key)
                .containsExactly("{tone=angry} #1", "{tone=polite} #1", "{tone=angry} #2");
        assertThat(rows).extracting(CompareRow::input).containsExactly("{tone=angry}", "{tone=polite}", "{tone=angry}");
        assertThat(rows).extracting(row -> row.cells().get(1).sampleId()).containsExactly(12L, 11L, 13L);
    }

    @Test
    void aVariantWithTheConditionSwitchedOffLinesUpByOccurrence() {
        List<ReviewItem> base = List.of(story(1, "angry"), story(2, "polite"), story(3, "angry"));
        List<ReviewItem> toneOff = List.of(story(11, null), story(12, null));

        List<CompareRow> rows = Alignment.of(List.of(base, toneOff));

        assertThat(rows).extracting(CompareRow::input).containsExactly("Sample 1", "Sample 2", "Sample 3");
        assertThat(rows).extracting(row -> row.cells().get(0).sampleId()).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).cells().get(1).sampleId()).isEqualTo(11L);
        assertThat(rows.get(1).cells().get(1).sampleId()).isEqualTo(12L);
        assertThat(rows.get(2).cell(1)).isEmpty();
    }

    @Test
    void aVariantWithoutSamplesYetDoesNotChangeHowTheOthersLineUp() {
        List<ReviewItem> base = List.of(story(1, "angry"), story(2, "polite"));

        List<CompareRow> rows = Alignment.of(List.of(base, List.of()));

        assertThat(rows).extracting(CompareRow::key).containsExactly("{tone=angry} #1", "{tone=polite} #1");
    }

    /** A synthesized story told in {@code tone}, or with no condition at all when null. */
    private static ReviewItem story(long id, String tone) {
        Map<String, String> conditions = tone == null ? Map.of() : Map.of("tone", tone);
        Slot slot = new Slot("s" + id, (int) id, null, conditions, List.of(), List.of(Message.user("Write.")));
        return ReviewItem.of(
                new Sample(
                        id,
                        1,
                        slot,
                        "m",
                        "{}",
                        1L,
                        "",
                        null,
                        null,
                        null,
                        "story " + id,
                        null,
                        true,
                        null,
                        List.of(),
                        1,
                        1,
                        1L,
                        "stop",
                        null,
                        null),
                null);
    }
}
