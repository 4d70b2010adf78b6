package io.siftbench.model.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleIndexTest {

    @Test
    void findsTheNumberOfEveryIdGivenInAnyOrderAndNothingForOthers() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 1_000; id++) {
            ids.add(id * 3);
        }
        Collections.shuffle(ids, new Random(4));
        // Made to size (a queue knows its count) and grown from the default: both give the same lookups.
        for (SampleIndex.Builder builder : List.of(new SampleIndex.Builder(ids.size()), new SampleIndex.Builder())) {
            for (int i = 0; i < ids.size(); i++) {
                builder.add(ids.get(i), i);
            }
            SampleIndex index = builder.build();
            for (int i = 0; i < ids.size(); i++) {
                assertThat(index.find(ids.get(i))).isEqualTo(i);
            }
            assertThat(index.find(4)).isEqualTo(-1);
            assertThat(index.find(3_003)).isEqualTo(-1);
            assertThat(index.size()).isEqualTo(1_000);
        }
    }

    @Test
    void idsThatRiseAreTakenAsTheyAre() {
        SampleIndex index =
                new SampleIndex.Builder(3).add(5, 0).add(9, 1).add(12, 2).build();

        assertThat(index.find(9)).isEqualTo(1);
        assertThat(index.find(12)).isEqualTo(2);
        assertThat(index.find(10)).isEqualTo(-1);
    }
}
