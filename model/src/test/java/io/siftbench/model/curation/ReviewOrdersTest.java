package io.siftbench.model.curation;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.SampleText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewOrdersTest {

    private static List<Long> ids(List<SampleText> samples) {
        return samples.stream().map(SampleText::id).toList();
    }

    /** A sample whose embedding is the unit vector at {@code degrees} on the circle. */
    private static SampleText at(long id, double degrees) {
        double radians = Math.toRadians(degrees);
        return SampleText.of(id, "s" + id)
                .withEmbedding(new float[] {(float) Math.cos(radians), (float) Math.sin(radians)});
    }

    @Test
    void clusterFirstTakesTheMostTypicalSampleOfEachClusterBeforeASecondOne() {
        List<SampleText> queue = List.of(
                at(1, 3),
                at(2, 0),
                at(3, -3),
                at(4, 6),
                at(5, -6), // cluster around 0°
                at(6, 88),
                at(7, 90),
                at(8, 93), // around 90°
                at(9, 200),
                at(10, 204), // around 202°
                SampleText.of(11, "no embedding"));

        List<Long> order = ids(new ClusterFirstOrder(3, 1).order(queue, List.of()));

        // Largest cluster first; within a cluster nearest its centroid first (0°, then 90.3°, then 202°).
        assertThat(order.subList(0, 3)).containsExactly(2L, 7L, 9L);
        assertThat(order.subList(3, 6)).containsExactlyInAnyOrder(1L, 6L, 10L);
        assertThat(order).hasSize(11).doesNotHaveDuplicates().endsWith(11L);
    }

    /*
     * Two neighbours each. Around 0°: 0 is the nearest neighbour of ±2° and ±4° (4 votes); around 90°: 90 and
     * 92 get 3 votes each (the lone 200° votes for both). So 0° comes first. Choosing it makes the four votes
     * from its neighbourhood worth 1/ρ, so the next sample comes from the other dense area, 90°, before any
     * second sample near 0°.
     */
    @Test
    void diverseRepresentativePrefersCentralSamplesFarFromThoseAlreadyChosen() {
        List<SampleText> queue = List.of(
                at(1, 2),
                at(2, 0),
                at(3, -2),
                at(4, 4),
                at(5, -4),
                at(6, 90),
                at(7, 92),
                at(8, 88),
                at(9, 200),
                SampleText.of(10, "no embedding"));

        List<Long> order = ids(new DiverseRepresentativeOrder(2, 10).order(queue, List.of()));

        assertThat(order.subList(0, 2)).containsExactly(2L, 6L);
        assertThat(order).hasSize(10).doesNotHaveDuplicates().endsWith(10L);
    }

    @Test
    void diverseRepresentativeStartsAwayFromSamplesAlreadyReviewed() {
        List<SampleText> queue = List.of(
                at(1, 2), at(2, 0), at(3, -2), at(4, 4), at(5, -4), at(6, 90), at(7, 92), at(8, 88), at(9, 200));
        List<SampleText> reviewed = List.of(
                at(100, 1).withStatus(SampleStatus.ACCEPTED), at(101, -1).withStatus(SampleStatus.REJECTED));

        List<Long> order = ids(new DiverseRepresentativeOrder(2, 10).order(queue, reviewed));

        assertThat(order.get(0)).isIn(6L, 7L, 8L);
        assertThat(order).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }
}
