package io.siftbench.model.insights;

import java.util.List;

/** Which samples the metrics are computed on: all of them, only the accepted or only the rejected ones. */
public enum StatusSelection {
    ALL,
    ACCEPTED,
    REJECTED;

    public boolean includes(SampleStatus status) {
        return switch (this) {
            case ALL -> true;
            case ACCEPTED -> status.kept();
            case REJECTED -> status == SampleStatus.REJECTED;
        };
    }

    /** The selected samples, in their original (generation) order. */
    public List<SampleText> select(List<SampleText> samples) {
        return samples.stream().filter(sample -> includes(sample.status())).toList();
    }
}
