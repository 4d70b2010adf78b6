package io.siftbench.model.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * What importing a batch-output file into a run did. Only lines answering a slot of the run that had no sample
 * were stored; everything else is named here.
 *
 * @param run          the run imported into
 * @param lines        the file's non-blank lines
 * @param imported     samples stored with an answer (valid or not, as a live run stores them)
 * @param invalid      of those, the ones whose output failed validation
 * @param failed       lines whose request failed (a status other than 200, or an error): stored as failed samples,
 *                     as a live failure is, so that a resume or the next batch file asks again
 * @param missing      slots still without a sample that the file had no line (or not every vote) for
 * @param firstMissing the custom ids of the first of those, in the run's order
 * @param duplicated   custom ids that came again after their first line, which was the one kept
 * @param foreign      lines for no missing slot of this run
 * @param badLines     lines that are not a batch-output line at all
 * @param status       the run's status after the import: completed once every slot has a sample (failed ones
 *                     included, as a live run), else cancelled, to be resumed
 */
public record BatchReport(
        long run,
        int lines,
        int imported,
        int invalid,
        int failed,
        int missing,
        List<String> firstMissing,
        List<Duplicate> duplicated,
        List<Foreign> foreign,
        List<BadLine> badLines,
        String status) {

    /** How many missing custom ids a report names; the count says how many there are. */
    public static final int NAMED_MISSING = 20;

    public BatchReport {
        firstMissing = List.copyOf(firstMissing);
        duplicated = List.copyOf(duplicated);
        foreign = List.copyOf(foreign);
        badLines = List.copyOf(badLines);
    }

    /** A custom id seen again on {@code line}; the line kept was {@code firstLine}. */
    public record Duplicate(String customId, int line, int firstLine) {}

    /** A line for no missing slot: why ("not in run 3's plan", "already has a sample"). */
    public record Foreign(String customId, int line, String reason) {}

    /** A line that could not be read, and why. */
    public record BadLine(int line, String reason) {}

    /** The report in a few lines, as the Runs screen and {@code run --batch-in --text} say it. */
    public String text() {
        List<String> out = new ArrayList<>();
        out.add("Run " + run + ": " + imported + " imported (" + invalid + " invalid), " + failed + " failed, "
                + missing + " still missing, from " + lines + (lines == 1 ? " line" : " lines") + "; run " + status
                + ".");
        if (missing > 0) {
            out.add("Missing: " + String.join(", ", firstMissing) + (missing > firstMissing.size() ? ", …" : "") + ".");
        }
        for (Duplicate d : duplicated) {
            out.add("Line " + d.line() + ": " + d.customId() + " again (line " + d.firstLine() + " kept).");
        }
        for (Foreign f : foreign) {
            out.add("Line " + f.line() + ": " + f.customId() + " left out: " + f.reason() + ".");
        }
        for (BadLine b : badLines) {
            out.add("Line " + b.line() + ": " + b.reason() + ".");
        }
        return String.join("\n", out);
    }
}
