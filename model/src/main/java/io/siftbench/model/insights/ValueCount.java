package io.siftbench.model.insights;

/** One value of a condition: how many samples were generated with it and how many of those are accepted. */
public record ValueCount(String value, long samples, long accepted) {

    /** A value no sample has, which "fill the gaps" and the bar chart mark. */
    public boolean empty() {
        return samples == 0;
    }
}
