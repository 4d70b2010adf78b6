package io.siftbench.views.runs;

import io.siftbench.model.pipelines.RunStep;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pipeline run as the Runs screen lists it, one row: "question-answer v1 · question 60/60 · answer 37/60", its
 * step runs in step order (each still a row of the runs table) and where it stands.
 *
 * @param steps the runs of its steps made so far, first step first
 * @param names the names of all its steps, those not made yet too
 */
public record PipelineRunRow(long pipelineRun, String pipeline, int version, List<RunInfo> steps, List<String> names) {

    /** "question-answer v1 · question 60/60 · answer 37/60": each step's samples of its slots, live where it runs. */
    public String progress(Map<Long, RunProgress> live) {
        StringBuilder text = new StringBuilder(pipeline).append(" v").append(version);
        for (int i = 0; i < steps.size(); i++) {
            RunInfo run = steps.get(i);
            RunProgress now = live.get(run.id());
            long done = now == null ? run.samples() : now.done();
            long total = now == null ? run.config().target() : now.total();
            text.append(" · ")
                    .append(names.get(i))
                    .append(' ')
                    .append(done)
                    .append('/')
                    .append(total);
        }
        // A step starts once the one it reads has completed: until then it waits.
        for (int i = steps.size(); i < names.size(); i++) {
            text.append(" · ").append(names.get(i)).append(" waits");
        }
        return text.toString();
    }

    /** Where it stands: running while this window runs it, else its newest step's status. */
    public String status(boolean running) {
        if (running) {
            return "running";
        }
        RunInfo last = steps.get(steps.size() - 1);
        return last.status() == RunStatus.COMPLETED && last.failures() == 0
                ? last.status().id()
                : "step " + steps.size() + " " + last.status().id();
    }

    /**
     * The pipeline runs of {@code runs}, newest first, each with its step runs; {@code stepOf} says which step a run
     * is, {@code stepNames} the names of every step of a pipeline run. A run made from a step's run (a Compare
     * variant) keeps its link but is not the step's: the first made is.
     */
    public static List<PipelineRunRow> of(
            List<RunInfo> runs, Function<RunInfo, Optional<RunStep>> stepOf, Function<Long, List<String>> stepNames) {
        Map<Long, Map<Integer, RunInfo>> byPipelineRun = new LinkedHashMap<>();
        Map<Long, RunStep> anyStep = new LinkedHashMap<>();
        List<RunInfo> oldestFirst = new ArrayList<>(runs);
        oldestFirst.sort(java.util.Comparator.comparingLong(RunInfo::id));
        for (RunInfo run : oldestFirst) {
            stepOf.apply(run).ifPresent(step -> {
                byPipelineRun
                        .computeIfAbsent(step.link().pipelineRun(), k -> new java.util.TreeMap<>())
                        .putIfAbsent(step.index(), run);
                anyStep.putIfAbsent(step.link().pipelineRun(), step);
            });
        }
        List<PipelineRunRow> rows = new ArrayList<>();
        byPipelineRun.forEach((pipelineRun, steps) -> {
            RunStep step = anyStep.get(pipelineRun);
            List<RunInfo> inOrder = List.copyOf(steps.values());
            rows.add(new PipelineRunRow(
                    pipelineRun,
                    step.pipeline(),
                    step.version(),
                    inOrder,
                    namesOf(stepNames.apply(pipelineRun), inOrder, stepOf)));
        });
        rows.sort(
                java.util.Comparator.comparingLong(PipelineRunRow::pipelineRun).reversed());
        return rows;
    }

    /** Every step's name: the pipeline's, or (its pipeline run unread) those of the steps made. */
    private static List<String> namesOf(
            List<String> all, List<RunInfo> made, Function<RunInfo, Optional<RunStep>> stepOf) {
        return all.size() >= made.size()
                ? all
                : made.stream()
                        .map(r -> stepOf.apply(r).map(RunStep::name).orElse("?"))
                        .toList();
    }
}
