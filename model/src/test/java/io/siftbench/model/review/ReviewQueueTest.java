package io.siftbench.model.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review queue's orders, filters, position and running counts. */
class ReviewQueueTest {

    private static final List<ReviewItem> ITEMS = List.of(
            item(1, 0, "a", 0.9, List.of("a", "a", "a"), true, "angry"),
            item(2, 1, "b", 0.2, List.of("b", "a", "c"), true, "polite"),
            item(3, 2, "a", null, List.of(), false, "angry"),
            item(4, 3, "c", 0.5, List.of("c", "c", "a"), true, "polite"));

    @Test
    void ordersAsGeneratedByConfidenceAndByVoteEntropy() {
        assertThat(ids(new ReviewQueue(reversed(), QueueOrder.AS_GENERATED, 1, QueueFilter.ALL)))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(ids(new ReviewQueue(ITEMS, QueueOrder.LOWEST_CONFIDENCE, 1, QueueFilter.ALL)))
                .containsExactly(2L, 4L, 1L, 3L);
        assertThat(ids(new ReviewQueue(ITEMS, QueueOrder.HIGHEST_VOTE_ENTROPY, 1, QueueFilter.ALL)))
                .startsWith(2L, 4L);
        assertThat(ITEMS.get(1).voteEntropy()).isCloseTo(Math.log(3) / Math.log(2), within(1e-9));
    }

    @Test
    void randomOrderIsTheSameForTheSameSeedWhateverTheInputOrder() {
        List<Long> once = ids(new ReviewQueue(ITEMS, QueueOrder.RANDOM, 42, QueueFilter.ALL));
        assertThat(ids(new ReviewQueue(reversed(), QueueOrder.RANDOM, 42, QueueFilter.ALL)))
                .isEqualTo(once);
        assertThat(once).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    // The next three were asserted of the per-order classes QueueOrder.sort replaced; they hold of QueueOrder.

    @Test
    void asGeneratedKeepsTheQueueAndRandomIsASeededPermutation() {
        List<ReviewItem> queue = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queue.add(item(i, i, "a", null, List.of(), true, "angry"));
        }
        List<Long> generated = queue.stream().map(ReviewItem::sampleId).toList();

        assertThat(ids(new ReviewQueue(queue, QueueOrder.AS_GENERATED, 5, QueueFilter.ALL)))
                .isEqualTo(generated);
        List<Long> shuffled = ids(new ReviewQueue(queue, QueueOrder.RANDOM, 5, QueueFilter.ALL));
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(generated).isNotEqualTo(generated);
        assertThat(ids(new ReviewQueue(queue, QueueOrder.RANDOM, 5, QueueFilter.ALL)))
                .isEqualTo(shuffled);
        assertThat(ids(new ReviewQueue(queue, QueueOrder.RANDOM, 6, QueueFilter.ALL)))
                .isNotEqualTo(shuffled);
    }

    @Test
    void leastConfidenceFirstWithUnknownConfidenceLast() {
        List<ReviewItem> queue = List.of(
                item(1, 0, "a", 0.9, List.of(), true, "angry"),
                item(2, 1, "a", 0.2, List.of(), true, "angry"),
                item(3, 2, "a", null, List.of(), true, "angry"),
                item(4, 3, "a", 0.5, List.of(), true, "angry"),
                item(5, 4, "a", 0.2, List.of(), true, "angry"));

        assertThat(ids(new ReviewQueue(queue, QueueOrder.LOWEST_CONFIDENCE, 0, QueueFilter.ALL)))
                .containsExactly(2L, 5L, 4L, 1L, 3L);
    }

    @Test
    void highestVoteEntropyFirst() {
        List<ReviewItem> queue = List.of(
                item(1, 0, "x", null, List.of("x", "x", "x"), true, "angry"),
                item(2, 1, "x", null, List.of("x", "y", "z"), true, "angry"),
                item(3, 2, "x", null, List.of("x", "x", "y"), true, "angry"),
                item(4, 3, "x", null, List.of(), true, "angry"));

        // entropies: 0, log2 3 = 1.58, 0.92, 0
        assertThat(ids(new ReviewQueue(queue, QueueOrder.HIGHEST_VOTE_ENTROPY, 0, QueueFilter.ALL)))
                .containsExactly(2L, 3L, 1L, 4L);
    }

    @Test
    void filtersByStateConditionLabelAndFlag() {
        List<ReviewItem> decided = List.of(
                ITEMS.get(0).withDecision(Decision.of(1, DecisionStatus.REJECTED, null)),
                ITEMS.get(1),
                ITEMS.get(2),
                ITEMS.get(3));
        assertThat(ids(new ReviewQueue(
                        decided, QueueOrder.AS_GENERATED, 0, QueueFilter.ALL.withStates(Set.of(ReviewItem.UNDECIDED)))))
                .containsExactly(2L, 3L, 4L);
        assertThat(ids(new ReviewQueue(
                        decided, QueueOrder.AS_GENERATED, 0, QueueFilter.ALL.withConditions(Map.of("tone", "angry")))))
                .containsExactly(1L, 3L);
        assertThat(ids(new ReviewQueue(decided, QueueOrder.AS_GENERATED, 0, QueueFilter.ALL.withLabels(Set.of("a")))))
                .containsExactly(1L, 3L);
        assertThat(ids(new ReviewQueue(
                        decided,
                        QueueOrder.AS_GENERATED,
                        0,
                        QueueFilter.ALL.withFlags(Set.of(ReviewItem.FLAG_INVALID)))))
                .containsExactly(3L);
    }

    @Test
    void decisionsCountTowardsProgressAndTheAcceptRateAndUndoTakesThemBack() {
        ReviewQueue queue = new ReviewQueue(ITEMS, QueueOrder.AS_GENERATED, 0, QueueFilter.ALL);
        queue.update(1, Decision.of(1, DecisionStatus.ACCEPTED, null));
        queue.update(2, Decision.edit(2, null, "a", null));
        queue.update(3, Decision.of(3, DecisionStatus.REJECTED, null));
        queue.update(4, Decision.of(4, DecisionStatus.SKIPPED, null));
        assertThat(queue.decided()).isEqualTo(3);
        assertThat(queue.acceptRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(queue.get(1).label()).isEqualTo("a");

        queue.update(2, null);
        assertThat(queue.decided()).isEqualTo(2);
        assertThat(queue.acceptRate()).isCloseTo(0.5, within(1e-9));
        assertThat(queue.get(1).state()).isEqualTo(ReviewItem.UNDECIDED);
    }

    @Test
    void positionFollowsTheResearcherAndStopsPastTheEnd() {
        ReviewQueue queue = new ReviewQueue(ITEMS, QueueOrder.AS_GENERATED, 0, QueueFilter.ALL);
        assertThat(queue.moveToSample(3)).isTrue();
        assertThat(queue.current()).get().extracting(ReviewItem::sampleId).isEqualTo(3L);
        queue.next();
        queue.next();
        queue.next();
        assertThat(queue.position()).isEqualTo(4);
        assertThat(queue.current()).isEmpty();
        assertThat(queue.moveToSample(99)).isFalse();
    }

    @Test
    void aQueueReadInKeepsEachTextAndWhatItsCardAndTableShow() {
        ReviewQueue.Builder read = new ReviewQueue.Builder();
        String longText = "x".repeat(100_000) + " ünïcödé ✓";
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            texts.add(i == 6 ? longText : i == 8 ? "" : "texte n° " + i + " — ✓");
        }
        for (int i = 0; i < texts.size(); i++) {
            ReviewItem given =
                    item(i + 1, i, i % 2 == 0 ? "a" : "b", 0.5, List.of("a", "b"), true, "angry", texts.get(i));
            read.add(given, null);
        }
        // An annotated sample carries no text: the queue keeps its record's, which the table shows.
        read.add(item(5_000, 5_000, "a", null, List.of(), true, "polite", null), "the record's text");
        read.flag(Map.of(3L, List.of("near duplicate: 0.9 similar to #1")));

        ReviewQueue queue = read.build(QueueOrder.AS_GENERATED, 0, QueueFilter.ALL.withLabels(Set.of("a")));

        assertThat(queue.size()).isEqualTo(1_001);
        for (int i = 0; i < queue.size() - 1; i++) {
            assertThat(queue.get(i).text()).isEqualTo(texts.get(2 * i));
        }
        assertThat(queue.get(3).text()).isEqualTo(longText);
        assertThat(queue.get(4).text()).isEmpty();
        assertThat(queue.get(1).flags()).containsExactly("near duplicate: 0.9 similar to #1");
        assertThat(queue.get(1).sample().votes()).containsExactly("a", "b");
        assertThat(queue.get(1).sample().confidence()).isEqualTo(0.5);
        assertThat(queue.get(1).sample().conditions()).containsEntry("tone", "angry");
        assertThat(queue.get(queue.size() - 1).text()).isNull();
        assertThat(queue.measuredText(5_000)).isEqualTo("the record's text");
        // Filtered out by its label, sample 2's text is still there for the warning against accepted samples.
        assertThat(queue.measuredText(2)).isEqualTo(texts.get(1));
        assertThat(queue.measuredText(9)).isEmpty();
        assertThat(queue.measuredText(99_999)).isNull();
    }

    @Test
    void anOrderArrangedOutsideTheQueueIsKept() {
        ReviewQueue.Builder read = new ReviewQueue.Builder();
        ITEMS.forEach(item -> read.add(item, null));
        read.arrange(List.of(ITEMS.get(2), ITEMS.get(0), ITEMS.get(3), ITEMS.get(1)));

        assertThat(ids(read.build(QueueOrder.ONE_PER_CLUSTER, 0, QueueFilter.ALL)))
                .containsExactly(3L, 1L, 4L, 2L);
    }

    private static List<ReviewItem> reversed() {
        List<ReviewItem> copy = new java.util.ArrayList<>(ITEMS);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<Long> ids(ReviewQueue queue) {
        return queue.items().stream().map(ReviewItem::sampleId).toList();
    }

    private static ReviewItem item(
            long id, int ordinal, String label, Double confidence, List<String> votes, boolean valid, String tone) {
        return item(id, ordinal, label, confidence, votes, valid, tone, "text " + id);
    }

    /** An item whose sample says {@code text} (null: an annotated one, which has none of its own). */
    private static ReviewItem item(
            long id,
            int ordinal,
            String label,
            Double confidence,
            List<String> votes,
            boolean valid,
            String tone,
            String text) {
        Slot slot = new Slot("s" + id, ordinal, id, Map.of("tone", tone), List.of(), List.of(Message.user("q")));
        return ReviewItem.of(
                new Sample(
                        id,
                        1,
                        slot,
                        "m",
                        "{}",
                        1L,
                        "",
                        label,
                        null,
                        confidence,
                        text,
                        null,
                        valid,
                        valid ? null : "bad",
                        votes,
                        1,
                        1,
                        1L,
                        "stop",
                        null,
                        null),
                null);
    }
}
