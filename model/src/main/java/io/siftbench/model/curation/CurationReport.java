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
        Pass pass = new Pass(filters, samples.size());
        pass.add(samples);
        return pass.report();
    }

    /**
     * Every filter run over samples that come a page at a time, each filter keeping only what it needs of them
     * ({@link CurationFilter#pass}); the report is the one {@link #of} gives for all of them.
     */
    public static final class Pass {
        private final List<CurationFilter.Pass> passes;

        /** @param expected about how many samples will come (a run's count): large arrays are made once */
        public Pass(List<? extends CurationFilter> filters, int expected) {
            passes = new ArrayList<>(
                    filters.stream().map(filter -> filter.pass(expected)).toList());
        }

        public void add(List<SampleText> page) {
            passes.forEach(pass -> pass.add(page));
        }

        /** The flags of every sample added, filter by filter; asked once, after the last page. */
        public CurationReport report() {
            List<Flag> flags = new ArrayList<>();
            for (int i = 0; i < passes.size(); i++) {
                flags.addAll(passes.get(i).flags());
                // What a filter kept of the samples goes once it has flagged them, before the next one flags.
                passes.set(i, null);
            }
            return new CurationReport(flags);
        }
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
