package io.siftbench.model.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to export and where.
 *
 * @param runs                the runs whose samples are exported
 * @param format              the file shape
 * @param out                 the data file; split and negative files go beside it with a suffix
 *                            ({@code data-train.jsonl}), the dataset card as {@code README.md} in its folder
 * @param status              accepted and edited samples (the curated set), or all
 * @param rejectedAsNegatives also write the rejected samples, to their own file ({@code data-rejected.jsonl})
 * @param filter              by condition value, label or flag
 * @param split               a seeded train / validation / test split, or null for one file
 * @param keepDemonstrations  keep records that were demonstrations in their run (left out by default)
 * @param evaluationDataset   a dataset whose texts must not appear in the export, or null
 */
public record ExportRequest(
        List<Long> runs,
        ExportFormat format,
        Path out,
        ExportStatus status,
        boolean rejectedAsNegatives,
        ExportFilter filter,
        SplitRatios split,
        boolean keepDemonstrations,
        String evaluationDataset) {

    public ExportRequest {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one run");
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        status = status == null ? ExportStatus.ACCEPTED : status;
        filter = filter == null ? ExportFilter.NONE : filter;
    }

    /** The curated set of {@code runs} in one file, with the default leakage guard. */
    public static ExportRequest of(List<Long> runs, ExportFormat format, Path out) {
        return new ExportRequest(runs, format, out, ExportStatus.ACCEPTED, false, ExportFilter.NONE, null, false, null);
    }

    public ExportRequest withStatus(ExportStatus newStatus) {
        return new ExportRequest(
                runs,
                format,
                out,
                newStatus,
                rejectedAsNegatives,
                filter,
                split,
                keepDemonstrations,
                evaluationDataset);
    }

    public ExportRequest withRejectedAsNegatives(boolean negatives) {
        return new ExportRequest(
                runs, format, out, status, negatives, filter, split, keepDemonstrations, evaluationDataset);
    }

    public ExportRequest withFilter(ExportFilter newFilter) {
        return new ExportRequest(
                runs,
                format,
                out,
                status,
                rejectedAsNegatives,
                newFilter,
                split,
                keepDemonstrations,
                evaluationDataset);
    }

    public ExportRequest withSplit(SplitRatios newSplit) {
        return new ExportRequest(
                runs,
                format,
                out,
                status,
                rejectedAsNegatives,
                filter,
                newSplit,
                keepDemonstrations,
                evaluationDataset);
    }

    public ExportRequest withKeepDemonstrations(boolean keep) {
        return new ExportRequest(
                runs, format, out, status, rejectedAsNegatives, filter, split, keep, evaluationDataset);
    }

    public ExportRequest withEvaluationDataset(String dataset) {
        return new ExportRequest(
                runs, format, out, status, rejectedAsNegatives, filter, split, keepDemonstrations, dataset);
    }

    /** The file of {@code split}: {@link #out} itself for {@link Split#ALL}, else with the split's suffix. */
    public Path fileOf(Split which) {
        if (which == Split.ALL) {
            return out;
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "." + format.extension();
        return out.resolveSibling(stem + "-" + which.id() + extension);
    }

    /**
     * Every file an export to {@link #out} can write: each split's, the negatives' and the card. Those the
     * new export does not write are of an earlier export to the same name, and go when it is put in place,
     * so that no file of the earlier one is left beside a card that does not describe it.
     */
    List<Path> exportFiles() {
        List<Path> files = new ArrayList<>();
        for (Split which : Split.values()) {
            files.add(fileOf(which));
        }
        files.add(cardFile());
        return files;
    }

    /**
     * An inspection export: every sample ({@link ExportStatus#ALL}) in a shape with room for why a request
     * failed (JSONL's {@code error}, CSV's column), so the failed samples are written too. Every other export
     * leaves them out and counts them.
     */
    boolean writesFailures() {
        return status == ExportStatus.ALL && (format == ExportFormat.JSONL || format == ExportFormat.CSV);
    }

    /** Where the dataset card goes: beside the data. */
    public Path cardFile() {
        Path folder = out.toAbsolutePath().getParent();
        return folder.resolve("README.md");
    }
}
