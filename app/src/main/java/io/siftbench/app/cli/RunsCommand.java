package io.siftbench.app.cli;

import io.siftbench.model.pipelines.RunStep;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.EndpointFigures;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunSummary;
import io.siftbench.model.runs.StepLink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code siftbench runs --project P}: the project's runs, newest first. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List the runs of a project: [{id, prompt, version, mode, status, samples, target, judged, "
                + "settings, pipelineRun, step, parentRun, round, endpoints}]; a pipeline run's steps are runs with their pipeline"
                + " run, step name and the run of the step they continue; a bootstrap's rounds and a tree's levels"
                + " are runs of one step, each with its round; endpoints are what each server that answered did:"
                + " [{endpoint, samples, failed, meanLatencyMillis, medianLatencyMillis}].")
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    /**
     * One run as printed; {@code judged} is the run a judge run scores, null for the other modes; {@code settings}
     * the rest of its configuration in a line, as the Runs screen shows it ("b77 · 200 at random · T 0.7");
     * {@code pipelineRun}, {@code step} and {@code parentRun} say, for the run of a pipeline's step, which pipeline
     * run and step it is and the run of the earlier step whose samples it continues (null outside pipelines);
     * {@code round} which round (a bootstrap) or level (a topic tree) of its step a run is, from 1; {@code endpoints}
     * what each server that answered the run did, from its stored samples (none for runs stored before endpoints
     * were recorded).
     */
    record Listed(
            long id,
            String prompt,
            int version,
            String mode,
            String status,
            long samples,
            int target,
            long failures,
            String backend,
            String model,
            long seed,
            Long judged,
            String settings,
            Long pipelineRun,
            String step,
            Long parentRun,
            Integer round,
            List<EndpointFigures> endpoints) {
        static Listed of(RunInfo r, String settings, String step, List<EndpointFigures> endpoints) {
            StepLink link = RunDetails.fromJson(r.config().details()).step();
            return new Listed(
                    r.id(),
                    r.promptName(),
                    r.promptVersion(),
                    r.config().mode().id(),
                    r.status().id(),
                    r.samples(),
                    r.config().target(),
                    r.failures(),
                    r.config().backend().kind() + ":" + r.config().backend().location(),
                    r.config().backend().model(),
                    r.config().seed(),
                    RunDetails.fromJson(r.config().details()).judgeOf(),
                    settings,
                    link == null ? null : link.pipelineRun(),
                    step,
                    link == null ? null : link.parentRun(),
                    link == null ? null : link.round(),
                    endpoints);
        }
    }

    @Override
    public Integer call() {
        try (Project open = project.open()) {
            List<RunInfo> runs = open.runs().list();
            Map<Long, String> settings = RunSummary.settings(runs, open.datasets());
            Map<Long, RunStep> steps = RunStep.of(runs, open.pipelines());
            JsonOut.print(
                    spec.commandLine().getOut(),
                    runs.stream()
                            .map(r -> Listed.of(
                                    r,
                                    settings.get(r.id()),
                                    steps.containsKey(r.id())
                                            ? steps.get(r.id()).name()
                                            : null,
                                    open.samples().endpointFigures(r.id())))
                            .toList());
        }
        return 0;
    }
}
