package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The flags all the chosen filters raised on a set of samples. {@link #flaggedBy} gives the samples a bulk
 * action such as "reject all flagged by near duplicates" acts on.
 */
public record CurationReport(List<Flag> flags) {

    public CurationReport {
        flags = List.copyOf(flags);
    }

    /** Runs every filter over the samples. */
    public static CurationReport of(List<SampleText> samples, List<? extends CurationFilter> filters) {
        List<Flag> flags = new ArrayList<>();
        for (CurationFilter filter : filters) {
            flags.addAll(filter.flag(samples));
        }
        return new CurationReport(flags);
    }

    public List<Flag> flagsOf(long sampleId) {
        return flags.stream().filter(flag -> flag.sampleId() == sampleId).toList();
    }

    /** The ids of the samples flagged by filters of this kind, each once, in the order flagged. */
    public Set<Long> flaggedBy(FlagKind kind) {
        Set<Long> ids = new LinkedHashSet<>();
        flags.stream().filter(flag -> flag.kind() == kind).forEach(flag -> ids.add(flag.sampleId()));
        return ids;
    }
}
