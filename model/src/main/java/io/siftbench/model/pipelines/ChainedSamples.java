package io.siftbench.model.pipelines;

import io.siftbench.model.project.ProjectException;
import io.siftbench.model.runs.DialogueTurn;
import io.siftbench.model.runs.JudgedSamples;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples of an earlier step that a pipeline step continues, read from the step run's stored link alone (the
 * parent run, the newest sample it reads, the accepted ones fixed when the run was made), each with its chain: the
 * record it started from and, by step name, its sample of every earlier step. Answered samples are never replaced,
 * so every resume reads the same list. A dialogue's turn also sees the conversation so far, oldest turn first, as
 * {@code steps.DIALOGUE.turns} (each turn's number, role and text). The step-to-step counterpart of
 * {@link JudgedSamples}, whose reading of records it shares.
 */
public final class ChainedSamples {

    private final PipelineStore pipelines;
    private final RunStore runs;
    private final SampleStore samples;
    private final JudgedSamples records;

    public ChainedSamples(PipelineStore pipelines, RunStore runs, SampleStore samples, JudgedSamples records) {
        this.pipelines = pipelines;
        this.runs = runs;
        this.samples = samples;
        this.records = records;
    }

    /**
     * The samples of {@code parentRun} a step takes: the answered ones up to sample {@code upTo} that are valid,
     * or, when {@code accepted} names any, exactly those (the researcher's decision counts over validation).
     */
    public List<Sample> selected(long parentRun, long upTo, List<Long> accepted) {
        Set<Long> chosen = new HashSet<>(accepted);
        return samples.list(parentRun, 0, Integer.MAX_VALUE).stream()
                .filter(s -> !s.failed() && s.id() <= upTo)
                .filter(s -> chosen.isEmpty() ? s.valid() : chosen.contains(s.id()))
                .toList();
    }

    /** @throws ProjectException when the pipeline run, an earlier step's run or a dataset is gone */
    public List<RunPlanner.Chained> of(RunInfo stepRun) {
        StepLink link = RunDetails.fromJson(stepRun.config().details()).step();
        Pipeline pipeline = pipelines
                .findRun(link.pipelineRun())
                .orElseThrow(() -> new ProjectException("Run " + stepRun.id() + " is a step of pipeline run "
                        + link.pipelineRun() + ", which is gone."))
                .pipeline()
                .pipeline();
        Pipeline unrolled = DialogueTurns.unrolled(pipeline);
        // The earlier runs of the chain, nearest first, each with its samples by id (one read per run).
        List<String> names = new ArrayList<>();
        List<Map<Long, RunPlanner.Judged>> chain = new ArrayList<>();
        List<DialogueTurn> turns = new ArrayList<>();
        StepLink at = link;
        List<RunPlanner.Judged> direct = null;
        while (at != null && at.continuesAStep()) {
            long runId = at.parentRun();
            RunInfo run = runs.find(runId)
                    .orElseThrow(() -> new ProjectException(
                            "Run " + stepRun.id() + " continues the samples of run " + runId + ", which is gone."));
            StepLink parentLink = RunDetails.fromJson(run.config().details()).step();
            // The direct parents are the step's selection; an earlier run is read whole, for the chains it ends.
            List<Sample> read = direct == null
                    ? selected(runId, at.parentUpTo(), at.parentIds())
                    : samples.list(runId, 0, Integer.MAX_VALUE);
            List<RunPlanner.Judged> withRecords = records.withRecords(
                    run, read, "Run " + runId + ", an earlier step of run " + stepRun.id() + ", lost its dataset.");
            if (direct == null) {
                direct = withRecords;
            }
            Map<Long, RunPlanner.Judged> byId = new HashMap<>();
            withRecords.forEach(j -> byId.put(j.sample().id(), j));
            names.add(unrolled.steps().get(parentLink.step()).name());
            chain.add(byId);
            turns.add(parentLink.turn());
            at = parentLink;
        }
        if (direct == null) {
            return List.of();
        }
        List<RunPlanner.Chained> out = new ArrayList<>(direct.size());
        for (RunPlanner.Judged parent : direct) {
            Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
            RunPlanner.Judged current = parent;
            Map<String, Object> record = parent.record();
            List<Map<String, Object>> conversation = new ArrayList<>();
            for (int level = 0; level < chain.size() && current != null; level++) {
                steps.put(names.get(level), current.asSample());
                if (turns.get(level) != null) {
                    conversation.add(0, turnView(turns.get(level), current));
                }
                record = current.record();
                Long up = current.sample().slot().parentSampleId();
                current = up == null || level + 1 >= chain.size()
                        ? null
                        : chain.get(level + 1).get(up);
            }
            if (link.turn() != null) {
                steps.put(link.turn().dialogue(), Map.of("turns", conversation));
            }
            out.add(new RunPlanner.Chained(parent.sample(), record, steps));
        }
        return out;
    }

    /** One turn of a conversation as a later turn's template sees it in {@code steps.DIALOGUE.turns}. */
    private static Map<String, Object> turnView(DialogueTurn turn, RunPlanner.Judged sample) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", turn.number());
        view.put("role", turn.role());
        view.put("text", sample.text());
        return view;
    }
}
