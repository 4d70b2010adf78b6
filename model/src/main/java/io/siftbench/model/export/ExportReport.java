package io.siftbench.model.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an export wrote and what it left out. For every format but DPO (which writes pairs, not samples),
 * the records written and the counts left out add up to {@code samples}.
 *
 * @param files            the data files written
 * @param written          items written per split ({@code all} when not split; {@code rejected} for negatives)
 * @param samples          the samples of the runs exported, written or not
 * @param leftOutByStatus  samples whose decision the status chosen does not take (undecided, skipped, rejected)
 * @param leftOutByFilter  samples the condition, label or flag filter left out
 * @param leftOutAsFailed  failed requests, which only an inspection export ({@link ExportRequest#writesFailures})
 *                         writes
 * @param leftOutAsDemonstrations records left out because they were demonstrations in their run
 * @param leftOutAsEvaluation records left out because their text is in the evaluation dataset
 * @param card             the dataset card
 */
public record ExportReport(
        List<Path> files,
        Map<String, Integer> written,
        int samples,
        int leftOutByStatus,
        int leftOutByFilter,
        int leftOutAsFailed,
        int leftOutAsDemonstrations,
        int leftOutAsEvaluation,
        Path card) {

    public ExportReport {
        files = List.copyOf(files);
        written = Map.copyOf(written);
    }

    public int total() {
        return written.values().stream().mapToInt(Integer::intValue).sum();
    }
}
