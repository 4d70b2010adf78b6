package io.siftbench.model.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an export wrote and what it left out.
 *
 * @param files            the data files written
 * @param written          items written per split ({@code all} when not split; {@code rejected} for negatives)
 * @param leftOutAsDemonstrations records left out because they were demonstrations in their run
 * @param leftOutAsEvaluation records left out because their text is in the evaluation dataset
 * @param card             the dataset card
 */
public record ExportReport(List<Path> files, Map<String, Integer> written, int leftOutAsDemonstrations,
                           int leftOutAsEvaluation, Path card) {

    public ExportReport {
        files = List.copyOf(files);
        written = Map.copyOf(written);
    }

    public int total() {
        return written.values().stream().mapToInt(Integer::intValue).sum();
    }
}
