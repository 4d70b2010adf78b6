package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VotesTest {

    @Test
    void agreementAndEntropyOfSplitVotes() {
        Votes votes = new Votes(List.of("a", "b", "a", "c"));

        assertThat(votes.majority()).contains("a");
        assertThat(votes.agreement()).isEqualTo(0.5);
        // −(½ ln ½ + ¼ ln ¼ + ¼ ln ¼) = 1.5 ln 2
        assertThat(votes.entropy()).isCloseTo(1.5 * Math.log(2), within(1e-12));
    }

    @Test
    void unanimousVotesAgreeFullyWithZeroEntropyAndATieGoesToTheFirstVoted() {
        assertThat(new Votes(List.of("x", "x", "x")).entropy()).isZero();
        assertThat(new Votes(List.of("x", "x", "x")).agreement()).isEqualTo(1.0);
        assertThat(new Votes(List.of("b", "a", "a", "b")).majority()).contains("b");
    }
}
