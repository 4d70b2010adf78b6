package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A curation filter that judges each sample on its own, without looking at the others. */
public interface SampleRule extends CurationFilter {

    /** The reason this sample is flagged, or empty when it passes. */
    Optional<String> check(SampleText sample);

    FlagKind kind();

    @Override
    default List<Flag> flag(List<SampleText> samples) {
        List<Flag> flags = new ArrayList<>();
        for (SampleText sample : samples) {
            check(sample).ifPresent(reason -> flags.add(new Flag(sample.id(), kind(), reason)));
        }
        return flags;
    }

    /** Each page is judged as it comes: nothing of a sample is kept but its flag. */
    @Override
    default Pass pass(int expected) {
        List<Flag> flags = new ArrayList<>();
        return new Pass() {
            @Override
            public void add(List<SampleText> page) {
                flags.addAll(flag(page));
            }

            @Override
            public List<Flag> flags() {
                return flags;
            }
        };
    }
}
