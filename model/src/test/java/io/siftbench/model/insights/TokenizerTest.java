package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void tokensAreLowerCasedRunsOfLettersAndDigits() {
        assertThat(Tokenizer.tokens("I lost my card—twice! PIN 1234, café?"))
                .containsExactly("i", "lost", "my", "card", "twice", "pin", "1234", "café");
    }

    @Test
    void punctuationOnlyOrNullTextHasNoToken() {
        assertThat(Tokenizer.tokens("  ?!… ")).isEmpty();
        assertThat(Tokenizer.tokens(null)).isEmpty();
    }
}
