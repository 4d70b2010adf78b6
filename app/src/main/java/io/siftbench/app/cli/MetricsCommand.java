package io.siftbench.app.cli;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunInfo;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench metrics --project P (--run R | --prompt NAME[@V]) [--condition NAME=VALUE]
 * [--status accepted|rejected|all]}: every metric of a run, of all the runs of a prompt version, or of one
 * condition value's samples (the slice as {@link MetricSlice} takes it, as the Insights screen does), as JSON
 * (model/METRICS.md defines each), computed with the bundled MiniLM for the embedding metrics, or read from the
 * project's snapshot when nothing changed since the last time; with the judge scores where a run was judged.
 */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = {
            "Print every metric of a run as JSON: distinct-n, vocabulary, top n-grams, self-BLEU,",
            "lengths, labels, condition coverage, embedding similarity and map, agreement with gold labels,",
            "judge scores."
        })
public final class MetricsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Measured measured;

    /** What is measured: one run, or every run of one prompt version. */
    static final class Measured {
        @Option(names = "--run", required = true, paramLabel = "R", description = "The run's id (see: siftbench runs).")
        Long run;

        @Option(
                names = "--prompt",
                required = true,
                paramLabel = "NAME[@V]",
                description = "Every run of this prompt version, as one set (newest version when @V is left out).")
        String prompt;
    }

    @Option(
            names = "--condition",
            paramLabel = "NAME=VALUE",
            description = "Only the samples generated with this condition value.")
    String condition;

    @Option(
            names = "--status",
            paramLabel = "accepted|rejected|all",
            defaultValue = "all",
            converter = StatusConverter.class,
            description = "Which samples to measure (default all).")
    StatusSelection status;

    static final class StatusConverter implements picocli.CommandLine.ITypeConverter<StatusSelection> {
        @Override
        public StatusSelection convert(String value) {
            try {
                return StatusSelection.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of accepted, rejected, all");
            }
        }
    }

    @Override
    public Integer call() {
        try (Project open = project.open()) {
            PrintWriter err = spec.commandLine().getErr();
            RunInfo run =
                    measured.run != null ? RunSamples.run(open.runSources(), measured.run) : firstRunOfVersion(open);
            MetricSlice.Sliced sliced;
            try {
                sliced = MetricSlice.of(measured.prompt != null, condition)
                        .apply(open.runSources(), run, status, RunSamples.SAMPLE_SIZE);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            RunMetrics metrics = new RunMetrics(
                    open.runSources(),
                    open.metricSnapshots(),
                    () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                    InsightsSettings.defaults());
            String what = sliced.label().isEmpty() ? "run " + run.id() : sliced.label();
            JsonOut.print(spec.commandLine().getOut(), metrics.measure(sliced, status, (done, total, step) -> {
                err.println("metrics of " + what + ": " + step + " (" + done + "/" + total + ")");
                err.flush();
            }));
        }
        return 0;
    }

    /** The oldest run of the prompt version {@code --prompt} names; the slice takes the version's others. */
    private RunInfo firstRunOfVersion(Project open) {
        StoredVersion version = PromptRef.resolve(open, measured.prompt, spec.commandLine());
        return open.runs().list().stream()
                .filter(r -> r.config().promptVersionId() == version.id())
                .min(Comparator.comparingLong(RunInfo::id))
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "Prompt " + version.name() + "@" + version.version() + " has no runs yet."));
    }
}
