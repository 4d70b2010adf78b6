package io.siftbench.model.demonstrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemonstrationPickerTest {

    /** 30 records, labels a/b/c by id % 3, each on a point of the unit circle at angle id degrees * 12. */
    private static final List<Demonstration> POOL = new ArrayList<>();

    private static final Map<Long, float[]> VECTORS = new HashMap<>();

    static {
        for (long id = 0; id < 30; id++) {
            POOL.add(new Demonstration(id, "text " + id, String.valueOf((char) ('a' + id % 3)), Map.of()));
            VECTORS.put(id, angle(id * 12));
        }
    }

    private static float[] angle(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static Demonstrations spec(DemonstrationStrategy strategy, int k, List<Long> ids, long seed) {
        return new Demonstrations("pool", strategy, k, "text", "label", ids, seed);
    }

    private static List<Long> ids(List<Demonstration> picks) {
        return picks.stream().map(Demonstration::id).toList();
    }

    @Test
    void fixedGivesTheNamedRecordsInOrder() {
        var picker =
                new DemonstrationPicker(spec(DemonstrationStrategy.FIXED, 3, List.of(7L, 2L, 19L), 0), POOL, Map.of());

        assertThat(ids(picker.pick(new DemonstrationPicker.Query(5, null, null))))
                .containsExactly(7L, 2L, 19L);
        assertThatThrownBy(() ->
                        new DemonstrationPicker(spec(DemonstrationStrategy.FIXED, 1, List.of(99L), 0), POOL, Map.of()))
                .hasMessageContaining("has no record 99");
    }

    @Test
    void randomIsSeededVariesPerSampleAndNeverShowsTheRecordItself() {
        var picker = new DemonstrationPicker(spec(DemonstrationStrategy.RANDOM, 4, null, 3), POOL, Map.of());

        List<Long> first = ids(picker.pick(new DemonstrationPicker.Query(0, null, null)));
        assertThat(first).hasSize(4).doesNotHaveDuplicates();
        assertThat(ids(new DemonstrationPicker(spec(DemonstrationStrategy.RANDOM, 4, null, 3), POOL, Map.of())
                        .pick(new DemonstrationPicker.Query(0, null, null))))
                .isEqualTo(first);
        assertThat(ids(picker.pick(new DemonstrationPicker.Query(1, null, null))))
                .isNotEqualTo(first);
        for (long salt = 0; salt < 200; salt++) {
            assertThat(ids(picker.pick(new DemonstrationPicker.Query(salt, 5L, null))))
                    .doesNotContain(5L);
        }
    }

    @Test
    void balancedSpreadsOverLabels() {
        var picker = new DemonstrationPicker(spec(DemonstrationStrategy.BALANCED, 7, null, 1), POOL, Map.of());

        for (long salt = 0; salt < 50; salt++) {
            Map<String, Long> perLabel = picker.pick(new DemonstrationPicker.Query(salt, null, null)).stream()
                    .collect(Collectors.groupingBy(Demonstration::label, Collectors.counting()));
            assertThat(perLabel.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 3L));
            assertThat(perLabel).hasSize(3);
        }
    }

    @Test
    void similarPicksTheNearestByCosine() {
        var picker = new DemonstrationPicker(spec(DemonstrationStrategy.SIMILAR, 3, null, 0), POOL, VECTORS);

        // 100 degrees lies between record 8 (96°) and 9 (108°), then 7 (84°) and 10 (120°) are next.
        List<Long> picks = ids(picker.pick(new DemonstrationPicker.Query(0, null, angle(100))));

        assertThat(picks).containsExactly(8L, 9L, 7L);
        assertThatThrownBy(() -> picker.pick(new DemonstrationPicker.Query(0, null, null)))
                .hasMessageContaining("needs a record");
    }

    @Test
    void diverseTradesRelevanceForSpread() {
        // Near-duplicates around 0° and a few further records: MMR must not pick three near-copies.
        List<Demonstration> pool = new ArrayList<>();
        Map<Long, float[]> vectors = new HashMap<>();
        double[] degrees = {0, 1, 2, 3, 40, 80};
        for (int i = 0; i < degrees.length; i++) {
            pool.add(new Demonstration(i, "t" + i, "x", Map.of()));
            vectors.put((long) i, angle(degrees[i]));
        }
        var similar = new DemonstrationPicker(spec(DemonstrationStrategy.SIMILAR, 3, null, 0), pool, vectors);
        var diverse = new DemonstrationPicker(spec(DemonstrationStrategy.DIVERSE, 3, null, 0), pool, vectors);
        var query = new DemonstrationPicker.Query(0, null, angle(1.5));

        assertThat(ids(similar.pick(query))).containsExactlyInAnyOrder(1L, 2L, 0L);
        List<Long> spread = ids(diverse.pick(query));
        assertThat(spread.get(0)).as("the most relevant comes first").isIn(1L, 2L);
        assertThat(spread).as("the record at 40° is picked over near-copies").contains(4L);
        assertThat(spread.stream().filter(id -> id <= 3).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void diverseWithoutARecordSpreadsFromASeededStart() {
        var picker = new DemonstrationPicker(spec(DemonstrationStrategy.DIVERSE, 3, null, 4), POOL, VECTORS);

        List<Demonstration> picks = picker.pick(new DemonstrationPicker.Query(0, null, null));

        for (int i = 0; i < picks.size(); i++) {
            for (int j = i + 1; j < picks.size(); j++) {
                assertThat(Vectors.cosine(
                                VECTORS.get(picks.get(i).id()),
                                VECTORS.get(picks.get(j).id())))
                        .as("greedy spreading keeps every two picks 84° or more apart (90° off the 12° grid)")
                        .isLessThan(0.11);
            }
        }
        assertThat(ids(picker.pick(new DemonstrationPicker.Query(0, null, null))))
                .isEqualTo(ids(picks));
    }
}
