package io.siftbench.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A status line shows the first line of what went wrong, never a blank or a bare nothing. */
class ProblemFirstLineTest {

    @Test
    void aStatusLineShowsTheFirstLineOfTheMessage() {
        assertThat(Problem.firstLine("The run could not be created\nat line 3"))
                .isEqualTo("The run could not be created");
        assertThat(Problem.firstLine(new IOException("disk full\ncaused by quota")))
                .isEqualTo("disk full");
    }

    @Test
    void anErrorWithoutAMessageStillSaysSomething() {
        assertThat(Problem.firstLine(new IllegalStateException())).isNotBlank();
        assertThat(Problem.firstLine("")).isEmpty();
    }
}
