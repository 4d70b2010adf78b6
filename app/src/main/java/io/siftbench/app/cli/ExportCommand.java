package io.siftbench.app.cli;

import io.siftbench.model.export.ExportFilter;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.ExportStatus;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.export.SplitRatios;
import io.siftbench.model.project.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench export}: writes the curated samples of runs in a format training code reads, with a
 * dataset card ({@code README.md}) beside the data. Records used as demonstrations are left out unless
 * asked otherwise, and the summary says how many.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the accepted and edited samples of runs (jsonl, csv, alpaca, chat, dpo, classification)",
            "with a dataset card beside them. Prints what was written and what the leakage guard left out."
        })
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "R", description = "A run to export; repeat for more.")
    List<Long> runs;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "jsonl|csv|alpaca|chat|dpo|classification",
            description = "The file shape.")
    String format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "F",
            description = "The data file; the dataset card README.md is written in its folder.")
    Path out;

    @Option(
            names = "--status",
            defaultValue = "accepted",
            paramLabel = "accepted|all",
            description = "accepted (and edited) samples, or all of them for inspection, failed requests with their"
                    + " error too as jsonl or csv (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(names = "--rejected", description = "Also write the rejected samples, as negatives, to F-rejected.")
    boolean rejected;

    @Option(
            names = "--split",
            paramLabel = "TRAIN,VALIDATION,TEST",
            description = "A seeded, stratified split such as 0.8,0.1,0.1, written to F-train, F-validation, F-test.")
    String split;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "The split's seed (default: 0).")
    long seed;

    @Option(names = "--label", paramLabel = "L", description = "Only samples with this label; repeat for more.")
    Set<String> labels = new HashSet<>();

    @Option(
            names = "--condition",
            paramLabel = "NAME=VALUE",
            description = "Only samples with this condition value; repeat for more values or conditions.")
    List<String> conditions = new ArrayList<>();

    @Option(
            names = "--flag",
            paramLabel = "FLAG",
            description = "Only samples carrying this flag (failed, invalid, label-doubt: the label doubts found"
                    + " before for the run's current labels); repeat for more.")
    Set<String> flags = new HashSet<>();

    @Option(
            names = "--min-turns",
            paramLabel = "N",
            description = "Only a dialogue's conversations of at least N turns (a turn is the user's or the"
                    + " assistant's line).")
    Integer minTurns;

    @Option(
            names = "--max-turns",
            paramLabel = "N",
            description = "Only a dialogue's conversations of at most N turns.")
    Integer maxTurns;

    @Option(
            names = "--keep-demonstrations",
            description = "Keep records that were demonstrations in their run (left out by default).")
    boolean keepDemonstrations;

    @Option(
            names = "--evaluation",
            paramLabel = "DATASET",
            description = "A dataset held out for evaluation: any record whose text is in it is left out.")
    String evaluation;

    /** The summary printed. */
    record Summary(
            String format,
            List<String> files,
            Map<String, Integer> written,
            int total,
            int samples,
            LeftOut leftOut,
            String card) {}

    /** With {@code total}, accounts for every sample of the runs (for dpo, {@code total} counts pairs). */
    record LeftOut(int status, int filter, int failed, int demonstrations, int evaluation) {}

    @Override
    public Integer call() {
        ExportRequest request = new ExportRequest(
                runs,
                ExportFormat.fromId(format),
                out,
                ExportStatus.fromId(status),
                rejected,
                new ExportFilter(ExportFilter.conditionValues(conditions), labels, flags, minTurns, maxTurns),
                split == null ? null : SplitRatios.parse(split, seed),
                keepDemonstrations,
                evaluation);
        try (Project open = project.open()) {
            var err = spec.commandLine().getErr();
            ExportReport report = new Exporter(open.exportSources()).export(request, (done, total, what) -> {
                err.println(what + " " + done + "/" + total);
                err.flush();
            });
            JsonOut.print(
                    spec.commandLine().getOut(),
                    new Summary(
                            request.format().id(),
                            report.files().stream().map(Path::toString).toList(),
                            report.written(),
                            report.total(),
                            report.samples(),
                            new LeftOut(
                                    report.leftOutByStatus(),
                                    report.leftOutByFilter(),
                                    report.leftOutAsFailed(),
                                    report.leftOutAsDemonstrations(),
                                    report.leftOutAsEvaluation()),
                            report.card().toString()));
        }
        return 0;
    }
}
