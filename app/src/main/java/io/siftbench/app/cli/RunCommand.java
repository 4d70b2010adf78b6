package io.siftbench.app.cli;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunFailures;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunInputs;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
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
            "another run's samples with --judge), or resume a run with --resume.",
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
                required = true,
                paramLabel = "NAME[@V]",
                description = "The prompt and version (newest when @V is left out).")
        String prompt;

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

        @Option(names = "--samples", paramLabel = "N", description = "How many samples to synthesize.")
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
            RunInfo run = target.resume != null
                    ? open.runs()
                            .find(target.resume)
                            .orElseThrow(() -> new ParameterException(
                                    spec.commandLine(),
                                    "There is no run " + target.resume + " in " + open.file() + "."))
                    : launcher.create(configure(open, target.newRun));
            PrintWriter err = spec.commandLine().getErr();
            AtomicReference<RunProgress> last = new AtomicReference<>();
            RunFailures failed = new RunFailures();
            AtomicLong lastPrinted = new AtomicLong();
            long start = System.nanoTime();
            err.println("run " + run.id() + ": " + run.promptName() + " v" + run.promptVersion() + ", "
                    + run.config().mode().id() + ", " + run.config().target() + " samples");
            RunStatus status = launcher.execute(
                    run.id(),
                    (sample, p) -> {
                        failed.count(sample);
                        last.set(p);
                        long now = System.nanoTime();
                        long printed = lastPrinted.get();
                        if (now - printed > 500_000_000L && lastPrinted.compareAndSet(printed, now)) {
                            err.println("run " + run.id() + ": " + p.describe());
                        }
                    },
                    () -> false);
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
            if (failed.total() > 0) {
                err.println("run " + run.id() + " "
                        + failed.outcome(p == null ? run.config().target() : p.total())
                        + ": " + failed.reasons() + ". "
                        + (failed.total() == 1 ? "Retry it" : "Retry them") + " with: siftbench run --project "
                        + shellWord(project.project.toString()) + " --resume " + run.id());
            }
            return status == RunStatus.COMPLETED && finished.failures() == 0 ? 0 : 1;
        }
    }

    /** {@code word} as a shell reads it back, quoted only where it has to be. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private RunConfig configure(Project open, NewRun o) {
        StoredVersion chosen = PromptRef.resolve(open, o.prompt, spec.commandLine());
        int colon = o.backend.indexOf(':');
        if (colon < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--backend takes KIND:URL_OR_FILE, e.g. "
                            + "ollama:http://127.0.0.1:11434 or gguf:/models/tiny.gguf; got '" + o.backend + "'.");
        }
        BackendKind kind = BackendKind.parse(o.backend.substring(0, colon));
        BackendRef backend = BackendRef.of(kind, o.backend.substring(colon + 1), o.model);
        GenerationParameters parameters = new GenerationParameters(
                o.temperature,
                GenerationParameters.DEFAULT.topP(),
                o.maxTokens,
                null,
                List.of(),
                Duration.ofSeconds(o.timeoutSeconds));
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
            dataset = open.datasets()
                    .find(o.dataset)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "There is no dataset '" + o.dataset + "' in " + open.file() + "."));
        }
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
