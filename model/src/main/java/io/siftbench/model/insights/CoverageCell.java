package io.siftbench.model.insights;

/**
 * One value combination of a pair of conditions: how many samples were generated with it and how many of those
 * are accepted. An empty cell is a combination no sample has, which "fill the gaps" targets.
 */
public record CoverageCell(String valueA, String valueB, long samples, long accepted) {

    public boolean empty() {
        return samples == 0;
    }
}
