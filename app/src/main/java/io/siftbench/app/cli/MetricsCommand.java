package io.siftbench.app.cli;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code siftbench metrics --project P (--run R | --prompt NAME[@V]) [--condition NAME=VALUE]
 * [--status accepted|rejected|all]}: every metric of a run, of all the runs of a prompt version, or of one
 * condition value's samples, as JSON (model/METRICS.md defines each), computed with the bundled MiniLM for the
 * embedding metrics, or read from the project's snapshot when nothing changed since the last time.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Print every metric of a run as JSON: distinct-n, vocabulary, top n-grams, self-BLEU,",
                "lengths, labels, condition coverage, embedding similarity and map, agreement with gold labels."})
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

        @Option(names = "--prompt", required = true, paramLabel = "NAME[@V]",
                description = "Every run of this prompt version, as one set (newest version when @V is left out).")
        String prompt;
    }

    @Option(names = "--condition", paramLabel = "NAME=VALUE",
            description = "Only the samples generated with this condition value.")
    String condition;

    @Option(names = "--status", paramLabel = "accepted|rejected|all", defaultValue = "all",
            converter = StatusConverter.class, description = "Which samples to measure (default all).")
    StatusSelection status;

    static final class StatusConverter implements picocli.CommandLine.ITypeConverter<StatusSelection> {
        @Override
        public StatusSelection convert(String value) {
            try {
                return StatusSelection.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not one of accepted, rejected, all");
            }
        }
    }

    @Override
    public Integer call() {
        try (Project open = project.open()) {
            PrintWriter err = spec.commandLine().getErr();
            List<String> slice = new ArrayList<>();
            List<Long> runs = runs(open, slice);
            RunSampleSet set = RunSampleSet.union(runs.stream().map(id -> RunSamples.load(open, id)).toList());
            if (condition != null) {
                int equals = condition.indexOf('=');
                if (equals < 1) {
                    throw new ParameterException(spec.commandLine(), "--condition takes NAME=VALUE, e.g. tone=angry;"
                            + " got '" + condition + "'.");
                }
                String name = condition.substring(0, equals);
                if (!set.conditions().containsKey(name)) {
                    throw new ParameterException(spec.commandLine(), "The prompt has no condition '" + name
                            + "'; it has " + (set.conditions().isEmpty() ? "none" : String.join(", ", set.conditions().keySet())) + ".");
                }
                set = set.where(name, condition.substring(equals + 1));
                slice.add("condition " + condition);
            }
            RunMetrics metrics = new RunMetrics(open, () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                    InsightsSettings.defaults());
            String what = slice.isEmpty() ? "run " + runs.get(0) : String.join(", ", slice);
            JsonOut.print(spec.commandLine().getOut(), metrics.measure(set, String.join("; ", slice), status,
                    (done, total, step) -> {
                        err.println("metrics of " + what + ": " + step + " (" + done + "/" + total + ")");
                        err.flush();
                    }));
        }
        return 0;
    }

    /** The runs measured, oldest first; says in {@code slice} when they are a prompt version's. */
    private List<Long> runs(Project open, List<String> slice) {
        if (measured.run != null) {
            return List.of(measured.run);
        }
        StoredVersion version = PromptRef.resolve(open, measured.prompt, spec.commandLine());
        List<Long> runs = open.runs().list().stream().filter(r -> r.config().promptVersionId() == version.id())
                .map(RunInfo::id).sorted().toList();
        if (runs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Prompt " + version.name() + "@" + version.version()
                    + " has no runs yet.");
        }
        slice.add("prompt " + version.name() + "@" + version.version() + " runs "
                + runs.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return runs;
    }
}
