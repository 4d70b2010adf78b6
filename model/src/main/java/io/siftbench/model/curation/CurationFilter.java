package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;

/** An automatic rule that flags samples. Samples come in generation order; flags come out in the same order. */
public interface CurationFilter {

    List<Flag> flag(List<SampleText> samples);

    /**
     * A pass over the samples given a page at a time, in generation order, whose flags are those {@link #flag}
     * gives for all of them. This one keeps every sample until the end; a filter that can do with less (each
     * sample on its own, or what duplicates need of it) says so by its own pass, which a run of a million samples
     * needs.
     *
     * @param expected about how many samples will come, so that a large run's arrays are made once at their size
     */
    default Pass pass(int expected) {
        List<SampleText> all = new ArrayList<>();
        return new Pass() {
            @Override
            public void add(List<SampleText> page) {
                all.addAll(page);
            }

            @Override
            public List<Flag> flags() {
                return flag(all);
            }
        };
    }

    /** A filter's pass over samples that come a page at a time. */
    interface Pass {
        void add(List<SampleText> page);

        /** The flags of every sample added, in generation order; asked once, after the last page. */
        List<Flag> flags();
    }
}
