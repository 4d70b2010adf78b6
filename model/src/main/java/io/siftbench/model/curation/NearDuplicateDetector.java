package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;

import java.util.List;

/** Finds groups of samples that say nearly the same thing; each group keeps its earliest member. */
public interface NearDuplicateDetector {

    List<DuplicateGroup> groups(List<SampleText> samples);

    /** How the similarity in a flag's reason was measured, e.g. "MinHash Jaccard". */
    String similarityName();
}
