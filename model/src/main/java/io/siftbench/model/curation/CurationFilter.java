package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.List;

/** An automatic rule that flags samples. Samples come in generation order; flags come out in the same order. */
public interface CurationFilter {

    List<Flag> flag(List<SampleText> samples);
}
