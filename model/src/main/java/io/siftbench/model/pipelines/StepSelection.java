package io.siftbench.model.pipelines;

import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.Flag;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which samples of an earlier step's run a step continues, fixed when the step's run is made (and kept in its
 * {@link io.siftbench.model.runs.StepLink}), so that a later decision or filter change does not alter a started plan.
 */
public final class StepSelection {

    private final RunSources sources;
    private final DecisionStore decisions;

    public StepSelection(RunSources sources, DecisionStore decisions) {
        this.sources = sources;
        this.decisions = decisions;
    }

    /**
     * The ids of the samples of {@code parent}, answered up to sample {@code upTo}, that {@code step} continues, in
     * id order; empty for "every valid one", which the link then does not need to list.
     *
     * @throws IllegalArgumentException saying which step has nothing to continue and what to do about it
     */
    public List<Long> of(PipelineStep step, RunInfo parent, long upTo) {
        Selection selection = step.selection();
        if (selection == Selection.ALL_VALID && !step.takesOnePerCell()) {
            return List.of();
        }
        Map<Long, DecisionStatus> decided = new LinkedHashMap<>();
        decisions.currentOfRun(parent.id()).forEach((id, d) -> decided.put(id, d.status()));
        Set<Long> flagged = new HashSet<>();
        if (selection == Selection.PASSING_FILTERS) {
            // The thresholds Review starts with: a pipeline step is not told of a dialog's unsaved changes.
            new RunCuration(sources, decisions, CurationSettings.defaults())
                    .report(parent.id()).flags().stream().map(Flag::sampleId).forEach(flagged::add);
        }
        List<Sample> candidates = sources.samples().list(parent.id(), 0, Integer.MAX_VALUE).stream()
                .filter(s -> !s.failed() && s.id() <= upTo)
                .filter(s -> switch (selection) {
                    case ALL_VALID -> s.valid();
                    case ACCEPTED ->
                        decided.containsKey(s.id()) && decided.get(s.id()).kept();
                    case PASSING_FILTERS ->
                        s.valid() && !flagged.contains(s.id()) && decided.get(s.id()) != DecisionStatus.REJECTED;
                })
                .sorted(java.util.Comparator.comparingLong(Sample::id))
                .toList();
        if (step.takesOnePerCell()) {
            Map<Map<String, String>, Sample> firstOfCell = new LinkedHashMap<>();
            candidates.forEach(s -> firstOfCell.putIfAbsent(s.conditions(), s));
            candidates = List.copyOf(firstOfCell.values());
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(nothingToContinue(step, parent, selection));
        }
        return candidates.stream().map(Sample::id).toList();
    }

    /** The samples of run {@code runId} the researcher kept (accepted or edited), by id. */
    public List<Long> accepted(long runId) {
        return decisions.currentOfRun(runId).entrySet().stream()
                .filter(e -> e.getValue().status().kept())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    static String nothingToContinue(PipelineStep step, RunInfo parent, Selection selection) {
        String of = "Step '" + step.name() + "' continues the ";
        String from = " of step '" + step.source().step() + "' (run " + parent.id() + ")";
        return switch (selection) {
            case ACCEPTED ->
                of + "accepted samples" + from + ", and none is accepted: review them, then resume with" + " --resume "
                        + parent.id() + ".";
            case PASSING_FILTERS ->
                of + "samples that pass the curation filters" + from + ", and none passes: look"
                        + " at the flags in Review, then resume with --resume " + parent.id() + ".";
            case ALL_VALID ->
                "Step '" + step.name() + "' has nothing to continue: step '"
                        + step.source().step() + "' (run " + parent.id() + ") has no valid sample.";
        };
    }
}
