package io.siftbench.model.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotKeysTest {

    @Test
    void holdsEachKeyExactlyAsGivenWhateverItsForm() {
        SlotKeys keys = new SlotKeys.Builder()
                .add("record=12")
                .add("record=3")
                .add("record=007") // not one an annotate plan makes: kept as the string it is
                .add("sample=4|tone=angry")
                .add("record=")
                .build();

        assertThat(keys).hasSize(5).contains("record=3", "record=12", "record=007", "sample=4|tone=angry", "record=");
        assertThat(keys).doesNotContain("record=7", "record=4", "record=1", "sample=4");
        assertThat(keys)
                .containsExactlyInAnyOrder("record=3", "record=12", "record=007", "sample=4|tone=angry", "record=");
    }
}
