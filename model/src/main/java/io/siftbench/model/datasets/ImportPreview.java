package io.siftbench.model.datasets;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import would make of a file, read from its first rows only: the detected settings, the inferred
 * columns and the first rows as text. The user adjusts it before the import reads the whole file.
 *
 * @param rows the first rows, each as many cells as there are columns ({@code null} for a missing value)
 */
public record ImportPreview(
        ImportFormat format,
        Charset encoding,
        Character delimiter,
        boolean header,
        List<ColumnInfo> columns,
        List<List<String>> rows,
        String textColumn,
        String labelColumn) {

    public ImportPreview {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        // Cells may be null (a missing value), which List.copyOf refuses.
        rows.forEach(r -> copy.add(Collections.unmodifiableList(new ArrayList<>(r))));
        rows = Collections.unmodifiableList(copy);
    }
}
