package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;

/** Finds groups of samples that say the same thing, or nearly; each group keeps its earliest member. */
public interface DuplicateDetector {

    List<DuplicateGroup> groups(List<SampleText> samples);

    /**
     * A pass over the samples given a page at a time, in generation order, whose groups are those {@link #groups}
     * gives for all of them. This one keeps every sample until the end; a detector that keeps less of each says so
     * by its own pass.
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
            public List<DuplicateGroup> groups(long[] ids) {
                return DuplicateDetector.this.groups(all);
            }
        };
    }

    /** How the similarity in a flag's reason was measured, e.g. "MinHash Jaccard". */
    String similarityName();

    /** The kind of flag the later members of a group get. */
    default FlagKind flagKind() {
        return FlagKind.NEAR_DUPLICATE;
    }

    /** A detector's pass over samples that come a page at a time. */
    interface Pass {
        void add(List<SampleText> page);

        /**
         * The groups among every sample added, asked once, after the last page; {@code ids} are the samples' ids in
         * the order added, which the caller keeps anyway, so that a pass need not keep them too.
         */
        List<DuplicateGroup> groups(long[] ids);
    }
}
