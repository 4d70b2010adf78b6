package io.siftbench.app.cli;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.app.runs.RunBatches;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.pipelines.BootstrapRounds;
import io.siftbench.model.pipelines.DialogueTurns;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineRun;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.PipelineStep;
import io.siftbench.model.pipelines.PoolGrowth;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.BatchExport;
import io.siftbench.model.runs.BatchReport;
import io.siftbench.model.runs.BatchSubmission;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunEngine;
import io.siftbench.model.runs.RunFailures;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunInputs;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.StepLink;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench run}: a new run of a prompt version on a backend, or the resume of a stopped one.
 * Every sample is committed as it arrives, so a killed run resumes with exactly the missing ones.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a prompt version on a backend (annotate a dataset, synthesize samples, or judge",
            "another run's samples with --judge), run a pipeline's steps in order with --pipeline,",
            "or resume a run with --resume (a step's run resumes its whole pipeline run).",
            "Progress on stderr, a JSON summary on stdout."
        })
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Either a new run or the resume of one. */
    static final class Target {
        @ArgGroup(exclusive = false)
        NewRun newRun;

        @Option(names = "--resume", paramLabel = "RUN", description = "Resume this run: generate its missing samples.")
        Long resume;
    }

    /** The options of a new run. */
    static final class NewRun {
        @Option(
                names = "--prompt",
                paramLabel = "NAME[@V]",
                description = "The prompt and version (newest when @V is left out).")
        String prompt;

        @Option(
                names = "--pipeline",
                paramLabel = "NAME[@V]",
                description = "Instead of --prompt: the pipeline and version whose steps run in order, each step"
                        + " starting once the step it reads has completed (newest when @V is left out).")
        String pipeline;

        @Option(
                names = "--backend",
                required = true,
                paramLabel = "KIND:URL_OR_FILE",
                description = "ollama:URL, openai:URL or gguf:FILE.")
        String backend;

        @Option(names = "--model", paramLabel = "M", description = "The model to ask for.")
        String model;

        @Option(names = "--dataset", paramLabel = "D", description = "The dataset to annotate (annotate prompts).")
        String dataset;

        @Option(names = "--limit", paramLabel = "N", description = "Annotate a seeded random subset of N records.")
        Integer limit;

        @Option(
                names = "--where",
                paramLabel = "COLUMN=VALUE",
                description = "Annotate only the records whose COLUMN holds VALUE (with --limit: a subset of those).")
        String where;

        @Option(
                names = "--samples",
                paramLabel = "N",
                description = "How many samples to synthesize (a pipeline: its steps with input none).")
        Integer samples;

        @Option(
                names = "--judge",
                paramLabel = "RUN",
                description = "The run whose answered samples a judge prompt scores (judge prompts).")
        Long judge;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The run's seed (default 1).")
        long seed;

        @Option(
                names = "--concurrency",
                paramLabel = "C",
                defaultValue = "4",
                description = "Requests in flight (default 4).")
        int concurrency;

        @Option(
                names = "--votes",
                paramLabel = "K",
                defaultValue = "1",
                description = "Self-consistency: ask K times per input; the label is the majority (default 1).")
        int votes;

        @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature (default 0.7).")
        double temperature;

        @Option(names = "--max-tokens", defaultValue = "512", description = "Longest answer in tokens (default 512).")
        int maxTokens;

        @Option(
                names = "--timeout",
                defaultValue = "120",
                paramLabel = "SECONDS",
                description = "One request's time limit (default 120).")
        long timeoutSeconds;
    }

    @Option(
            names = "--batch-out",
            paramLabel = "FILE",
            description = "Send nothing: write the run's missing slots (a new run's, or with --resume that run's) as"
                    + " an OpenAI batch-input file (JSONL, for vLLM's run_batch or a /v1/batches server).")
    Path batchOut;

    @Option(
            names = "--batch-in",
            paramLabel = "FILE",
            description = "With --resume RUN: import a batch-output file as the run's samples (a partial file"
                    + " imports what it has; the rest stays to resume).")
    Path batchIn;

    @Option(
            names = "--batch-submit",
            description = "Send the run's missing slots to its server's batches API (/v1/batches) as one batch,"
                    + " follow it, then import its output.")
    boolean batchSubmit;

    @Option(
            names = "--batch-poll",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "With --batch-submit: how often to ask the server how the batch stands (default 10).")
    double batchPollSeconds;

    @Spec
    CommandSpec spec;

    /**
     * What is printed when the run stops.
     *
     * @param judged the run a judge run scores, null for the other modes
     */
    record Summary(
            long run,
            String prompt,
            int version,
            String mode,
            String status,
            long samples,
            int target,
            long failures,
            double seconds,
            double samplesPerSecond,
            double tokensPerSecond,
            Long judged) {}

    /** The status printed for a pipeline run that stopped, complete so far, for the researcher's review. */
    static final String WAITING = "waiting for review";

    /**
     * What is printed when a pipeline run stops: the pipeline run and each step's run made so far.
     *
     * @param status completed when every step completed with no failed slot, {@value #WAITING} when it stopped,
     *               complete so far, at a step that asks for review (of its samples, or of its topic tree), else the
     *               stopped step's status
     */
    record PipelineSummary(
            long pipelineRun, String pipeline, int version, String status, double seconds, List<StepSummary> steps) {}

    /**
     * One step of a pipeline run as printed; {@code parentRun} is the run of the step it continues,
     * {@code preferencePairs} how many of its samples are preferred over an earlier step's (null for a step with no
     * {@code prefer}).
     */
    record StepSummary(
            int step,
            String name,
            long run,
            String prompt,
            int version,
            String status,
            long samples,
            int target,
            long failures,
            Long parentRun,
            Long preferencePairs,
            List<RoundSummary> rounds) {}

    /**
     * One round of a bootstrap step as printed: its run, how many candidates it asked for and what became of them
     * ({@code added} joined the pool, {@code tooSimilar} were rejected by ROUGE-L, {@code invalid} failed
     * validation), the pool's size after it, and each rejected candidate with why.
     */
    record RoundSummary(
            int round,
            long run,
            String status,
            int candidates,
            long added,
            long tooSimilar,
            long invalid,
            int pool,
            List<Rejected> rejected) {}

    /** A candidate left out of the pool: its sample and why ("too similar to pool (ROUGE-L 0.82)"). */
    record Rejected(long sample, String reason) {}

    @Override
    public Integer call() throws InterruptedException {
        JsonBackendsFile userBackends = JsonBackendsFile.forCurrentUser();
        try (Project open = project.open();
                RunBackends backends = new RunBackends(
                        userBackends::load,
                        new FirstUseDetection(userBackends, new LocalBackendProbe()),
                        spec.commandLine().getErr()::println)) {
            ProjectRuns runs = new ProjectRuns(open, backends, EmbeddingModels::miniLm);
            RunLauncher launcher = runs.launcher();
            if (target.newRun != null && (target.newRun.prompt == null) == (target.newRun.pipeline == null)) {
                throw new ParameterException(
                        spec.commandLine(), "Name what to run: --prompt NAME[@V] or --pipeline NAME[@V], not both.");
            }
            RunInfo resumed = target.resume == null
                    ? null
                    : open.runs()
                            .find(target.resume)
                            .orElseThrow(() -> new ParameterException(
                                    spec.commandLine(),
                                    "There is no run " + target.resume + " in " + open.file() + "."));
            if (target.newRun != null && target.newRun.pipeline != null) {
                PipelineRunner pipelines = runs.pipelines();
                return runPipeline(open, pipelines, runs.bootstrap(), startPipeline(open, pipelines, target.newRun));
            }
            Optional<StepLink> step = resumed == null ? Optional.empty() : PipelineRunner.linkOf(resumed);
            // A step's run resumes its pipeline run; a variant made from one (Compare) resumes alone.
            if (step.isPresent()
                    && (step.get().round() != null
                            || runs.pipelines().stepRuns(step.get().pipelineRun()).stream()
                                    .anyMatch(r -> r.id() == resumed.id()))) {
                return runPipeline(
                        open, runs.pipelines(), runs.bootstrap(), step.get().pipelineRun());
            }
            if (batchOut != null || batchIn != null || batchSubmit) {
                return batch(open, runs, userBackends, launcher, resumed, step.isPresent());
            }
            RunInfo run = resumed != null ? resumed : launcher.create(configure(open, target.newRun));
            AtomicReference<RunProgress> last = new AtomicReference<>();
            RunFailures failed = new RunFailures();
            long start = System.nanoTime();
            RunStatus status = launcher.execute(run.id(), progress(run, failed, last), () -> false);
            RunInfo finished = open.runs().find(run.id()).orElseThrow();
            double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
            RunProgress p = last.get();
            JsonOut.print(
                    spec.commandLine().getOut(),
                    new Summary(
                            run.id(),
                            run.promptName(),
                            run.promptVersion(),
                            run.config().mode().id(),
                            status.id(),
                            finished.samples(),
                            run.config().target(),
                            finished.failures(),
                            seconds,
                            p == null ? 0 : p.samplesPerSecond(),
                            p == null ? 0 : p.tokensPerSecond(),
                            RunDetails.fromJson(run.config().details()).judgeOf()));
            sayFailures(run, failed, p);
            return status == RunStatus.COMPLETED && finished.failures() == 0 ? 0 : 1;
        }
    }

    /**
     * {@code --batch-out}, {@code --batch-in} or {@code --batch-submit}: the run's missing slots as a batch file,
     * a batch's output as its samples, or both through the server's batches API. Prints the JSON summary on
     * stdout and, for an import, the report's lines on stderr.
     */
    private int batch(
            Project open,
            ProjectRuns runs,
            JsonBackendsFile userBackends,
            RunLauncher launcher,
            RunInfo resumed,
            boolean pipelineStep)
            throws InterruptedException {
        int chosen = (batchOut == null ? 0 : 1) + (batchIn == null ? 0 : 1) + (batchSubmit ? 1 : 0);
        if (chosen > 1) {
            throw new ParameterException(
                    spec.commandLine(), "Choose one of --batch-out, --batch-in and --batch-submit.");
        }
        if (pipelineStep || target.newRun != null && target.newRun.pipeline != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Batch files are for a run of its own; a pipeline's steps run with their pipeline run.");
        }
        if (batchIn != null && resumed == null) {
            throw new ParameterException(spec.commandLine(), "--batch-in needs the run it answers: --resume RUN.");
        }
        RunInfo run = resumed;
        if (run == null) {
            run = launcher.create(configure(open, target.newRun));
            // Planned, not running: it waits for its batch, and a resume or an import goes on with it.
            open.runs().setStatus(run.id(), RunStatus.CANCELLED);
        }
        long runId = run.id();
        // The user's backends as saved, never probed: a batch file is often for a server this machine cannot reach.
        RunBatches batches = new RunBatches(open, runs, new RunBackends(userBackends::load)::configOf);
        PrintWriter err = spec.commandLine().getErr();
        AtomicLong lastPrinted = new AtomicLong();
        ExportProgress progress = (done, total, what) -> {
            long now = System.nanoTime();
            long printed = lastPrinted.get();
            if (now - printed > 500_000_000L && lastPrinted.compareAndSet(printed, now)) {
                err.println("run " + runId + ": " + what + " (" + done + " of " + total + ")");
            }
        };
        try {
            if (batchOut != null) {
                BatchExport exported = batches.export(runId, batchOut, progress, () -> false);
                JsonOut.print(spec.commandLine().getOut(), exported);
                err.println(exported.text() + " Import its output with: siftbench run --project "
                        + shellWord(project.project.toString()) + " --resume " + runId + " --batch-in FILE");
                return 0;
            }
            BatchReport report;
            if (batchSubmit) {
                BatchSubmission submitted = batches.submit(
                        runId, Duration.ofMillis(Math.round(batchPollSeconds * 1000)), progress, () -> false);
                JsonOut.print(spec.commandLine().getOut(), submitted);
                err.println(submitted.text());
                report = submitted.report();
            } else {
                report = batches.importOutput(runId, batchIn, progress, () -> false);
                JsonOut.print(spec.commandLine().getOut(), report);
                err.println(report.text());
            }
            // A partial file is no failure (the rest is resumed); lines that were not stored as answers are.
            return report.failed()
                                    + report.duplicated().size()
                                    + report.foreign().size()
                                    + report.badLines().size()
                            == 0
                    ? 0
                    : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints what the run is, then its progress at most twice a second; counts its failed slots. */
    private RunEngine.Listener progress(RunInfo run, RunFailures failed, AtomicReference<RunProgress> last) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("run " + run.id() + ": " + run.promptName() + " v" + run.promptVersion() + ", "
                + run.config().mode().id() + ", " + run.config().target() + " samples");
        AtomicLong lastPrinted = new AtomicLong();
        return (sample, p) -> {
            failed.count(sample);
            last.set(p);
            long now = System.nanoTime();
            long printed = lastPrinted.get();
            if (now - printed > 500_000_000L && lastPrinted.compareAndSet(printed, now)) {
                err.println("run " + run.id() + ": " + p.describe());
            }
        };
    }

    /** Says how many slots of {@code run} failed and why, and how to retry them; nothing when none did. */
    private void sayFailures(RunInfo run, RunFailures failed, RunProgress p) {
        if (failed.total() > 0) {
            spec.commandLine()
                    .getErr()
                    .println("run " + run.id() + " "
                            + failed.outcome(p == null ? run.config().target() : p.total())
                            + ": " + failed.reasons() + ". "
                            + (failed.total() == 1 ? "Retry it" : "Retry them") + " with: siftbench run --project "
                            + shellWord(project.project.toString()) + " --resume " + run.id());
        }
    }

    /** Stores a new run of the pipeline {@code o} names, with its first step's run; returns its id. */
    private long startPipeline(Project open, PipelineRunner pipelines, NewRun o) {
        StoredPipeline chosen = PipelineRef.resolve(open, o.pipeline, spec.commandLine());
        if (o.judge != null) {
            throw new ParameterException(
                    spec.commandLine(), "--judge is for a judge prompt; a pipeline's steps say what they read.");
        }
        DatasetInfo dataset = o.dataset == null ? null : dataset(open, o.dataset);
        PipelineSettings settings = new PipelineSettings(
                backend(o),
                dataset == null ? null : dataset.id(),
                o.samples,
                o.seed,
                o.concurrency,
                o.votes,
                details(o, dataset).toJson());
        try {
            return pipelines.start(chosen, settings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Runs what is missing of pipeline run {@code pipelineRunId}, step by step; prints its summary. */
    private int runPipeline(Project open, PipelineRunner pipelines, BootstrapRounds bootstrap, long pipelineRunId)
            throws InterruptedException {
        PipelineRun pipelineRun = open.pipelines().findRun(pipelineRunId).orElseThrow();
        // A dialogue's turns are steps of their own here, as they are runs of their own.
        Pipeline pipeline = DialogueTurns.unrolled(pipelineRun.pipeline().pipeline());
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        // The step that runs last is the one the pipeline run stopped at: its failures are the ones to retry.
        RunFailures[] failed = new RunFailures[1];
        AtomicReference<RunProgress> last = new AtomicReference<>();
        PipelineRunner.Outcome outcome;
        try {
            outcome = pipelines.execute(
                    pipelineRunId,
                    (index, step, run) -> {
                        Integer round = PipelineRunner.linkOf(run).orElseThrow().round();
                        err.println("pipeline run " + pipelineRunId + ", step " + (index + 1) + " of "
                                + pipeline.steps().size() + " '" + step.name() + "'"
                                + (round == null ? "" : (step.tree() != null ? ", level " : ", round ") + round)
                                + ":");
                        failed[0] = new RunFailures();
                        last.set(null);
                        return progress(run, failed[0], last);
                    },
                    () -> false);
        } catch (IllegalArgumentException e) {
            // A step that cannot be made (nothing accepted to continue): said as bad input, the earlier steps kept.
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RunInfo stopped = outcome.stepRuns().get(outcome.stopped());
        sayFailures(stopped, failed[0], last.get());
        List<StepSummary> steps = new ArrayList<>();
        for (RunInfo r : outcome.stepRuns()) {
            StepLink link = PipelineRunner.linkOf(r).orElseThrow();
            PipelineStep step = pipeline.steps().get(link.step());
            steps.add(new StepSummary(
                    link.step(),
                    step.name(),
                    r.id(),
                    r.promptName(),
                    r.promptVersion(),
                    r.status().id(),
                    r.samples(),
                    r.config().target(),
                    r.failures(),
                    link.parentRun(),
                    step.prefer() == null
                            ? null
                            : open.preferences().ofRun(r.id()).stream()
                                    .filter(p -> p.origin() == PreferenceStore.Origin.PIPELINE)
                                    .count(),
                    step.bootstrap() == null ? null : rounds(bootstrap, pipelineRunId, link.step())));
        }
        boolean complete = outcome.status() == RunStatus.COMPLETED && stopped.failures() == 0;
        if (outcome.waiting() != null && pipeline.steps().get(outcome.stopped()).tree() != null) {
            // Not a failure: the step asked for the researcher's look before the pipeline run goes on.
            err.println("pipeline run " + pipelineRunId + " waits for " + outcome.waiting() + ": see it with"
                    + " siftbench pipeline tree --project " + shellWord(project.project.toString()) + " --run "
                    + stopped.id() + ", change it with --prune PATH or --add PATH=NAME, approve it with --approve,"
                    + " then go on with siftbench run --project " + shellWord(project.project.toString())
                    + " --resume " + stopped.id());
        } else if (outcome.waiting() != null) {
            err.println("Step '" + pipeline.steps().get(outcome.stopped()).name() + "' is done and waits for review:"
                    + " review run " + stopped.id() + " (siftbench decide, or the Review screen), then go on with"
                    + " siftbench run --project " + shellWord(open.file().toString()) + " --resume " + stopped.id()
                    + ".");
        }
        JsonOut.print(
                spec.commandLine().getOut(),
                new PipelineSummary(
                        pipelineRunId,
                        pipelineRun.pipeline().name(),
                        pipelineRun.pipeline().version(),
                        outcome.waiting() != null
                                ? WAITING
                                : complete
                                        ? RunStatus.COMPLETED.id()
                                        : stopped.status().id(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0,
                        steps));
        return complete ? 0 : 1;
    }

    /** The rounds of a bootstrap step so far, each with its verdicts. */
    private static List<RoundSummary> rounds(BootstrapRounds bootstrap, long pipelineRunId, int step) {
        PoolGrowth growth = bootstrap.growth(pipelineRunId, step);
        int pool = growth.pool().size() - growth.accepted();
        List<RoundSummary> out = new ArrayList<>();
        for (PoolGrowth.Round round : growth.rounds()) {
            pool += (int) round.count(PoolGrowth.Verdict.ADDED);
            out.add(new RoundSummary(
                    round.number(),
                    round.run().id(),
                    round.run().status().id(),
                    round.run().config().target(),
                    round.count(PoolGrowth.Verdict.ADDED),
                    round.count(PoolGrowth.Verdict.TOO_SIMILAR),
                    round.count(PoolGrowth.Verdict.INVALID),
                    pool,
                    round.candidates().stream()
                            .filter(c -> c.verdict() != PoolGrowth.Verdict.ADDED)
                            .map(c -> new Rejected(c.sample().id(), c.reason()))
                            .toList()));
        }
        return out;
    }

    /** {@code word} as a shell reads it back, quoted only where it has to be. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private BackendRef backend(NewRun o) {
        int colon = o.backend.indexOf(':');
        if (colon < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--backend takes KIND:URL_OR_FILE, e.g. "
                            + "ollama:http://127.0.0.1:11434 or gguf:/models/tiny.gguf; got '" + o.backend + "'.");
        }
        BackendKind kind = BackendKind.parse(o.backend.substring(0, colon));
        return BackendRef.of(kind, o.backend.substring(colon + 1), o.model);
    }

    private DatasetInfo dataset(Project open, String name) {
        return open.datasets()
                .find(name)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "There is no dataset '" + name + "' in " + open.file() + "."));
    }

    /** The generation parameters, the subset size and, on {@code dataset}, the filter {@code --where} names. */
    private RunDetails details(NewRun o, DatasetInfo dataset) {
        GenerationParameters parameters = new GenerationParameters(
                o.temperature,
                GenerationParameters.DEFAULT.topP(),
                o.maxTokens,
                null,
                List.of(),
                Duration.ofSeconds(o.timeoutSeconds));
        RunDetails details = RunDetails.of(o.limit, parameters);
        if (o.where != null && dataset != null) {
            int equals = o.where.indexOf('=');
            String column = equals < 1 ? "" : o.where.substring(0, equals);
            if (dataset.column(column).isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--where takes COLUMN=VALUE with a column of dataset '"
                                + dataset.name() + "' ("
                                + dataset.columns().stream().map(c -> c.name()).toList()
                                + "); got '" + o.where + "'.");
            }
            details = details.withWhere(column, o.where.substring(equals + 1));
        }
        return details;
    }

    private RunConfig configure(Project open, NewRun o) {
        StoredVersion chosen = PromptRef.resolve(open, o.prompt, spec.commandLine());
        BackendRef backend = backend(o);
        if (o.judge != null && chosen.mode() != PromptMode.JUDGE) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--judge takes a judge prompt; '" + chosen.name() + "' v" + chosen.version() + " is in "
                            + chosen.mode().id() + " mode.");
        }
        RunInfo judged = o.judge == null
                ? null
                : open.runs()
                        .find(o.judge)
                        .orElseThrow(() -> new ParameterException(
                                spec.commandLine(),
                                "There is no run " + o.judge + " to judge in " + open.file() + "."));
        DatasetInfo dataset = null;
        if (chosen.mode() == PromptMode.ANNOTATE) {
            if (o.dataset == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Prompt '" + chosen.name() + "' annotates: name the dataset with --dataset D.");
            }
            dataset = dataset(open, o.dataset);
        }
        RunDetails details = details(o, dataset);
        long available = dataset == null ? 0 : RunInputs.count(open.datasets(), dataset, details, () -> false);
        try {
            return new io.siftbench.model.runs.NewRun(
                            chosen, backend, details, dataset, o.samples, o.seed, o.concurrency, o.votes, judged)
                    .toConfig(available);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
