package io.siftbench.app.cli;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code siftbench metrics --project P --run R [--status accepted|rejected|all]}: every metric of a run as JSON
 * (model/METRICS.md defines each), computed with the bundled MiniLM for the embedding metrics, or read from the
 * project's snapshot when nothing changed since the last time.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Print every metric of a run as JSON: distinct-n, vocabulary, top n-grams, self-BLEU,",
                "lengths, labels, condition coverage, embedding similarity and map, agreement with gold labels."})
public final class MetricsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "R", description = "The run's id (see: siftbench runs).")
    long run;

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
            RunMetrics metrics = new RunMetrics(open, () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                    InsightsSettings.defaults());
            JsonOut.print(spec.commandLine().getOut(), metrics.measure(run, status, (done, total, step) -> {
                err.println("metrics of run " + run + ": " + step + " (" + done + "/" + total + ")");
                err.flush();
            }));
        }
        return 0;
    }
}
