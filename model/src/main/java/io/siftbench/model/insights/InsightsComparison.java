package io.siftbench.model.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports for two or more sets (runs or prompt versions) shown side by side: each set is measured on its own,
 * except that the length histograms and the embedding map use {@link SharedAxes}, so that bars and points line
 * up across the sets.
 */
public final class InsightsComparison {

    private InsightsComparison() {
    }

    /**
     * One report per set, in the map's order.
     *
     * @param sets the samples of each set by the name the screen shows (e.g. "run 3", "prompt v2")
     */
    public static Map<String, InsightsReport> of(Map<String, List<SampleText>> sets, StatusSelection selection,
                                                 InsightsSettings settings, InsightsProgress progress) {
        Map<String, List<SampleText>> selected = new LinkedHashMap<>();
        sets.forEach((name, samples) -> selected.put(name, selection.select(samples)));
        SharedAxes axes = SharedAxes.of(List.copyOf(selected.values()), settings.bins());
        Map<String, InsightsReport> reports = new LinkedHashMap<>();
        int done = 0;
        for (Map.Entry<String, List<SampleText>> set : selected.entrySet()) {
            int finished = done;
            String name = set.getKey();
            // Each set's steps count as a share of the whole comparison.
            InsightsProgress share = (step, steps, what) -> progress.update(finished * steps + step,
                    selected.size() * steps, name + ": " + what);
            reports.put(name, InsightsReport.measure(set.getValue(), selection, settings, share, axes));
            done++;
        }
        return reports;
    }
}
