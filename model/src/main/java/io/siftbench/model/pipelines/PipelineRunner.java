package io.siftbench.model.pipelines;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.DialogueTurn;
import io.siftbench.model.runs.NewRun;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunEngine;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunInputs;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Runs the steps of a pipeline run in order, each as a run of its own made by the {@link RunLauncher}: a step's run
 * is made when the step before it has completed with no failed slot, from the pipeline run's settings and the
 * earlier step's samples, and then generates its samples like any run. A resume runs the first step's run again
 * (which sends only what is missing) and goes on from there, so a pipeline run killed at any moment resumes with
 * no step sample lost or made twice. A step starts once the step it reads has completed, or, when it streams, as
 * soon as that step has a valid sample, beside it ({@link StreamedSteps}). A step that asks for review stops the
 * pipeline run once it has completed; the resume that follows goes on. A step that prefers its samples over an
 * earlier step's has its preference pairs recorded once it has completed ({@link StepPreferences}). A dialogue step
 * runs as one run per turn ({@link DialogueTurns}), each continuing the conversations of the turn before whose text
 * has no stop phrase; it is done when every conversation has ended or its last turn has run. A bootstrap step and a
 * topic tree step are made of several runs, one round (or level) after the other ({@link StepRounds}); a tree that
 * waits for review stops the pipeline run once it is grown, until the researcher approves it.
 */
public final class PipelineRunner {

    /** Told when a step's run starts; gives the listener of that run's samples. */
    @FunctionalInterface
    public interface StepListener {
        RunEngine.Listener started(int step, PipelineStep definition, RunInfo run);
    }

    /**
     * Where a pipeline run stopped.
     *
     * @param status   completed when every step completed with no failed slot; else the status of {@code stopped}
     * @param stopped  the index of the step it stopped at (the last one when completed)
     * @param stepRuns the runs of the steps made so far, in step order (of a step made of rounds, the newest)
     * @param waiting  null, or what the pipeline run waits for before it goes on past step {@code stopped}, which
     *                 has completed: the researcher's review of its samples ({@link PipelineStep#stopsForReview()})
     *                 or the approval of its topic tree
     */
    public record Outcome(RunStatus status, int stopped, List<RunInfo> stepRuns, String waiting) {

        public Outcome(RunStatus status, int stopped, List<RunInfo> stepRuns) {
            this(status, stopped, stepRuns, null);
        }
    }

    private final PipelineStore pipelines;
    private final PromptStore prompts;
    private final RunStore runs;
    private final DatasetStore datasets;
    private final StepSelection selections;
    private final ChainedSamples chained;
    private final StepPreferences preferred;
    private final RunLauncher launcher;
    private final BootstrapRounds bootstrap;
    private final TopicTrees trees;

    public PipelineRunner(
            PipelineStore pipelines,
            PromptStore prompts,
            RunStore runs,
            DatasetStore datasets,
            StepSelection selections,
            ChainedSamples chained,
            StepPreferences preferred,
            RunLauncher launcher,
            BootstrapRounds bootstrap,
            TopicTrees trees) {
        this.pipelines = pipelines;
        this.prompts = prompts;
        this.runs = runs;
        this.datasets = datasets;
        this.selections = selections;
        this.chained = chained;
        this.preferred = preferred;
        this.launcher = launcher;
        this.bootstrap = bootstrap;
        this.trees = trees;
    }

    /** The pipeline run and step of {@code run}, if it is a step of one. */
    public static Optional<StepLink> linkOf(RunInfo run) {
        return StepRuns.linkOf(run);
    }

    /** The runs of the steps of {@code pipelineRunId} made so far, in step order ({@link StepRuns#of}). */
    public List<RunInfo> stepRuns(long pipelineRunId) {
        return StepRuns.of(runs, pipelineRunId);
    }

    /**
     * Stores a new run of {@code version} and makes its first step's run, so that what was asked for is checked
     * (a step on a dataset without one, a synthesis without a count) before anything is sent.
     *
     * @throws IllegalArgumentException saying what is missing or out of range; nothing is stored then
     */
    public long start(StoredPipeline version, PipelineSettings settings) {
        // The first step's run is configured before anything is stored, so that a refusal stores nothing.
        configure(version.pipeline(), settings, 0, 0, List.of());
        long id = pipelines.createRun(version.id(), settings);
        launcher.create(configure(version.pipeline(), settings, id, 0, List.of()));
        return id;
    }

    /**
     * Generates what is missing of pipeline run {@code pipelineRunId} on the calling thread, step by step, until
     * every step is complete, a step stops with failed slots or a status other than completed, or it is cancelled.
     */
    public Outcome execute(long pipelineRunId, StepListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        PipelineRun pipelineRun = pipelines
                .findRun(pipelineRunId)
                .orElseThrow(() -> new ProjectException("There is no pipeline run " + pipelineRunId + "."));
        Pipeline file = pipelineRun.pipeline().pipeline();
        Pipeline pipeline = DialogueTurns.unrolled(file);
        List<RunInfo> made = new ArrayList<>(stepRuns(pipelineRunId));
        Map<Integer, RunEngine.Listener> listeners = new ConcurrentHashMap<>();
        StepListener once = (index, definition, run) ->
                listeners.computeIfAbsent(index, k -> listener.started(index, definition, run));
        StreamedSteps streamed = new StreamedSteps(
                pipeline,
                runs,
                launcher,
                (index, before) -> configure(file, pipelineRun.settings(), pipelineRunId, index, before),
                (index, run) -> once.started(index, pipeline.steps().get(index), run),
                cancelled);
        int streamedUpTo = -1;
        for (int i = 0; i < pipeline.steps().size(); i++) {
            if (i == made.size() && conversationsOver(file, i, made)) {
                // The dialogue is the pipeline's last step: with its conversations over, the pipeline run is done.
                return new Outcome(RunStatus.COMPLETED, i - 1, List.copyOf(made));
            }
            boolean doneBefore = i < made.size() && isDone(made.get(i));
            RunInfo run = i < made.size()
                    ? made.get(i)
                    : launcher.create(configure(file, pipelineRun.settings(), pipelineRunId, i, made));
            if (i == made.size()) {
                made.add(run);
            }
            PipelineStep step = pipeline.steps().get(i);
            int index = i;
            // The steps after this one that stream run beside it; once they have ended, the loop finds them done.
            StreamedSteps.Stream beside = i > streamedUpTo && streamed.streams(i + 1)
                    ? streamed.start(i + 1, made.subList(0, i + 1), i + 1 < made.size() ? made.get(i + 1) : null)
                    : null;
            RunStatus status;
            RunInfo finished;
            try {
                if (step.bootstrap() != null || step.tree() != null) {
                    // The step's rounds (or levels), each a run of its own; the newest is where the step stands.
                    StepRounds.Result rounds = new StepRounds(runs, launcher)
                            .execute(
                                    run,
                                    step.bootstrap() != null ? bootstrap::next : trees::next,
                                    r -> listener.started(index, step, r),
                                    cancelled);
                    status = rounds.status();
                    finished = rounds.last();
                } else {
                    status = launcher.execute(run.id(), once.started(i, step, run), cancelled);
                    finished = runs.find(run.id()).orElseThrow();
                }
            } finally {
                if (beside != null) {
                    beside.parentDone();
                }
            }
            if (beside != null) {
                List<RunInfo> after = beside.join();
                for (int k = 0; k < after.size(); k++) {
                    if (i + 1 + k < made.size()) {
                        made.set(i + 1 + k, after.get(k));
                    } else {
                        made.add(after.get(k));
                    }
                }
                streamedUpTo = i + after.size();
            }
            made.set(i, finished);
            if (status != RunStatus.COMPLETED || finished.failures() > 0) {
                return new Outcome(status, i, List.copyOf(made));
            }
            if (step.tree() != null && step.tree().waitsForReview() && !trees.approved(pipelineRunId, i)) {
                return new Outcome(
                        RunStatus.COMPLETED,
                        i,
                        List.copyOf(made),
                        "the researcher's review of the topic tree of step '" + step.name() + "'");
            }
            // Also on every resume: a kill between the step's last sample and its pairs leaves them to record here.
            if (pipeline.steps().get(i).prefer() != null) {
                preferred.record(finished, pipeline.steps().get(i).prefer());
            }
            // The stop is made once, by the call in which the step completes; the resume that follows the review
            // finds the step done before it began and goes on.
            if (pipeline.steps().get(i).stopsForReview() && !doneBefore) {
                return new Outcome(
                        RunStatus.COMPLETED,
                        i,
                        List.copyOf(made),
                        "the researcher's review of the samples of step '" + step.name() + "'");
            }
        }
        return new Outcome(RunStatus.COMPLETED, pipeline.steps().size() - 1, List.copyOf(made));
    }

    private static boolean isDone(RunInfo run) {
        return run.status() == RunStatus.COMPLETED && run.failures() == 0;
    }

    /**
     * The run of step {@code index} of {@code pipeline} unrolled ({@link DialogueTurns}), made from the settings
     * and, for a step reading one, the earlier step's run.
     */
    private RunConfig configure(
            Pipeline pipeline, PipelineSettings settings, long pipelineRunId, int index, List<RunInfo> made) {
        Pipeline unrolled = DialogueTurns.unrolled(pipeline);
        DialogueTurn turn = DialogueTurns.turnOf(pipeline, index).orElse(null);
        PipelineStep step = unrolled.steps().get(index);
        StoredVersion version = prompts.versions(step.promptName()).stream()
                .filter(v -> v.version() == step.promptVersion())
                .findFirst()
                .orElseThrow(() -> new ProjectException("Step '" + step.name() + "' runs prompt '"
                        + PromptNames.shown(step.prompt()) + "', which this project has not."));
        RunDetails details = settings.runDetails();
        if (step.parameters() != null) {
            details = details.withParameters(step.parameters().over(details.parameters()));
        }
        DatasetInfo dataset = null;
        long available = 0;
        Integer samples = settings.samples();
        StepLink link = new StepLink(pipelineRunId, index, null, null, List.of(), turn);
        switch (step.source().kind()) {
            case DATASET -> {
                Long datasetId = settings.datasetId();
                if (datasetId == null) {
                    throw new IllegalArgumentException(
                            "Step '" + step.name() + "' annotates a dataset: name it with --dataset D.");
                }
                dataset = datasets.list().stream()
                        .filter(d -> d.id() == datasetId)
                        .findFirst()
                        .orElseThrow(() ->
                                new ProjectException("The dataset step '" + step.name() + "' annotates is gone."));
                available = RunInputs.count(datasets, dataset, details, () -> false);
            }
            case NONE -> {
                if (step.bootstrap() != null) {
                    Bootstrap b = step.bootstrap().effective();
                    samples = Math.min(b.perRound(), b.target());
                    link = seedsLink(pipeline, step, b, settings, link, made).inRound(1);
                }
                if (step.tree() != null) {
                    samples = 1;
                    details = details.withCells(TopicTrees.rootCells(step.tree()));
                    link = link.inRound(1);
                }
                if (step.leaves() != null) {
                    List<Map<String, String>> cells = trees.leafCells(
                            pipelineRunId, pipeline.indexOf(step.leaves().of()).getAsInt(), step.leaves());
                    if (cells.isEmpty()) {
                        throw new IllegalArgumentException("Step '" + step.name() + "' takes the leaves of step '"
                                + step.leaves().of() + "', whose tree has none.");
                    }
                    samples = cells.size() * step.leaves().perLeaf();
                    details = details.withCells(cells);
                }
            }
            case STEP -> {
                int parentIndex = unrolled.indexOf(step.source().step()).getAsInt();
                RunInfo parent = made.get(parentIndex);
                if (step.streams()) {
                    // Made while the step before still runs: its plan grows with that step's samples, up to one
                    // slot per slot of it.
                    samples = parent.config().target();
                    link = new StepLink(pipelineRunId, index, parent.id(), Long.MAX_VALUE, List.of());
                    break;
                }
                long upTo = parent.lastAnswered() == null ? 0 : parent.lastAnswered();
                List<Long> chosen =
                        turn != null && turn.number() > 1 ? going(parent, turn) : selections.of(step, parent, upTo);
                samples = chained.selected(parent.id(), upTo, chosen).size();
                if (samples == 0) {
                    throw new IllegalArgumentException(
                            StepSelection.nothingToContinue(step, parent, Selection.ALL_VALID));
                }
                link = new StepLink(pipelineRunId, index, parent.id(), upTo, chosen, turn);
            }
        }
        return new NewRun(
                        version,
                        step.backendOver(settings.backend()),
                        details.withStep(link),
                        dataset,
                        samples,
                        settings.seed(),
                        settings.concurrency(),
                        settings.votes())
                .toConfig(available);
    }

    /** Whether step {@code index} is a dialogue's later turn and every conversation ended at the turn before. */
    private boolean conversationsOver(Pipeline pipeline, int index, List<RunInfo> made) {
        return DialogueTurns.turnOf(pipeline, index)
                .filter(turn ->
                        turn.number() > 1 && going(made.get(index - 1), turn).isEmpty())
                .isPresent();
    }

    /**
     * The conversations that go on into {@code turn}: the valid samples of the turn before ({@code run}) whose text
     * does not contain the stop phrase, by id.
     */
    private List<Long> going(RunInfo run, DialogueTurn turn) {
        long upTo = run.lastAnswered() == null ? 0 : run.lastAnswered();
        return chained.selected(run.id(), upTo, List.of()).stream()
                .filter(s -> !turn.ends(s.text()))
                .map(Sample::id)
                .toList();
    }

    /**
     * The link of a bootstrap step's first round: with seeds from an earlier step, that step's run and the samples
     * taken from it, fixed as for a step continuing it; with seeds from a column, the pipeline run's dataset must
     * have it.
     */
    private StepLink seedsLink(
            Pipeline pipeline,
            PipelineStep step,
            Bootstrap b,
            PipelineSettings settings,
            StepLink link,
            List<RunInfo> made) {
        Bootstrap.Seeds seeds = b.source().orElseThrow();
        if (seeds.column() != null) {
            DatasetInfo dataset = settings.datasetId() == null
                    ? null
                    : datasets.list().stream()
                            .filter(d -> d.id() == settings.datasetId())
                            .findFirst()
                            .orElse(null);
            if (dataset == null || dataset.column(seeds.column()).isEmpty()) {
                throw new IllegalArgumentException("Step '" + step.name() + "' takes its seeds from column '"
                        + seeds.column() + "' of the run's dataset: name a dataset with that column with --dataset D"
                        + (dataset == null ? "." : " ('" + dataset.name() + "' has none)."));
            }
            return link;
        }
        RunInfo parent = made.get(pipeline.indexOf(seeds.step()).getAsInt());
        long upTo = parent.lastAnswered() == null ? 0 : parent.lastAnswered();
        boolean acceptedOnly = Selection.fromId(b.select()).orElseThrow() == Selection.ACCEPTED;
        List<Long> accepted = acceptedOnly ? selections.accepted(parent.id()) : List.of();
        if (chained.selected(parent.id(), upTo, accepted).isEmpty() || (acceptedOnly && accepted.isEmpty())) {
            throw new IllegalArgumentException("Step '" + step.name() + "' has no seeds: step '" + seeds.step()
                    + "' (run " + parent.id() + ") has no " + (acceptedOnly ? "accepted" : "valid") + " sample"
                    + (acceptedOnly ? "; review them, then resume with --resume " + parent.id() + "." : "."));
        }
        return new StepLink(link.pipelineRun(), link.step(), parent.id(), upTo, accepted);
    }
}
