package io.siftbench.model.pipelines;

import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunEngine;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a step made of several runs one after the other (a bootstrap's rounds, a topic tree's levels), each made
 * only once the one before it has completed with no failed slot, from the stored runs before it alone. A resume
 * runs each made round again (which sends only what is missing) and makes the next ones from there, so a kill at
 * any moment loses no sample and makes none twice.
 */
final class StepRounds {

    /** Says what the next round is, from the rounds made so far (each complete), or empty when the step is done. */
    @FunctionalInterface
    interface Next {
        Optional<RunConfig> after(List<RunInfo> made);
    }

    /** Where the step stopped: the status of {@code last}, its newest round run. */
    record Result(RunStatus status, RunInfo last) {}

    private final RunStore runs;
    private final RunLauncher launcher;

    StepRounds(RunStore runs, RunLauncher launcher) {
        this.runs = runs;
        this.launcher = launcher;
    }

    /**
     * The round runs of step {@code step} of pipeline run {@code pipelineRun}, in round order. A run made from a
     * round's run (a Compare variant) keeps its link; the round's run is the first one made for it.
     */
    static List<RunInfo> of(RunStore runs, long pipelineRun, int step) {
        Map<Integer, RunInfo> first = new TreeMap<>();
        // Newest first: an older run of the same round replaces a newer one.
        for (RunInfo r : runs.list()) {
            StepLink link = RunDetails.fromJson(r.config().details()).step();
            if (link != null && link.pipelineRun() == pipelineRun && link.step() == step && link.round() != null) {
                first.put(link.round(), r);
            }
        }
        return new ArrayList<>(first.values());
    }

    /**
     * The configuration of the round after {@code last}: the same run asking for {@code target} samples, with the
     * next seed, so that slot i of one round is not sent the same request seed as slot i of the round before.
     */
    static RunConfig nextRound(RunInfo last, int target, Function<RunDetails, RunDetails> change) {
        RunConfig c = last.config();
        RunDetails details = RunDetails.fromJson(c.details());
        details = change.apply(
                details.withStep(details.step().inRound(details.step().round() + 1)));
        return new RunConfig(
                c.promptVersionId(),
                c.mode(),
                c.backend(),
                c.parameters(),
                c.datasetId(),
                c.seed() + 1,
                c.concurrency(),
                target,
                c.votes(),
                details.toJson());
    }

    Result execute(RunInfo first, Next next, Function<RunInfo, RunEngine.Listener> listener, BooleanSupplier cancelled)
            throws InterruptedException {
        StepLink link = RunDetails.fromJson(first.config().details()).step();
        List<RunInfo> made = of(runs, link.pipelineRun(), link.step());
        if (made.isEmpty()) {
            made.add(first);
        }
        for (int r = 0; ; r++) {
            RunInfo run = made.get(r);
            RunStatus status = launcher.execute(run.id(), listener.apply(run), cancelled);
            RunInfo finished = runs.find(run.id()).orElseThrow();
            made.set(r, finished);
            if (status != RunStatus.COMPLETED || finished.failures() > 0) {
                return new Result(status, finished);
            }
            if (r + 1 == made.size()) {
                Optional<RunConfig> following = next.after(List.copyOf(made));
                if (following.isEmpty()) {
                    return new Result(RunStatus.COMPLETED, finished);
                }
                made.add(launcher.create(following.get()));
            }
        }
    }
}
