package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.List;

/** Finds groups of samples that say the same thing, or nearly; each group keeps its earliest member. */
public interface DuplicateDetector {

    List<DuplicateGroup> groups(List<SampleText> samples);

    /** How the similarity in a flag's reason was measured, e.g. "MinHash Jaccard". */
    String similarityName();

    /** The kind of flag the later members of a group get. */
    default FlagKind flagKind() {
        return FlagKind.NEAR_DUPLICATE;
    }
}
