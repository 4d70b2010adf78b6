package io.siftbench.model.datasets;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to import one file. Every {@code null} means "detect it": the format from the file name, the
 * encoding from a byte order mark (else UTF-8), the delimiter by sniffing, the header from the first row.
 *
 * @param file           the file to import (optionally gzip-compressed)
 * @param name           the dataset's name; {@code null} takes the file name without its extensions
 * @param format         the format, or {@code null} to take it from the file name
 * @param encoding       the text encoding, or {@code null} to detect a byte order mark and fall back to UTF-8
 * @param delimiter      the CSV/TSV field delimiter, or {@code null} to sniff it
 * @param header         {@code true}/{@code false} when the user said so, {@code null} to detect it
 * @param skipBadRows    skip malformed rows (and list them) instead of stopping at the first
 * @param replace        replace a dataset of the same name instead of adding a second one
 * @param columns        the user's renames and types from the preview; empty to infer every column
 * @param textColumn     the text column; {@code null} guesses it from the column names, except where the user
 *                       made column choices in the preview, where {@code null} means there is none
 * @param labelColumn    the label column, {@code null} read as for {@code textColumn}
 * @param skippedRowsFile where to write the list of skipped rows; {@code null} for a temporary file
 */
public record ImportOptions(
        Path file,
        String name,
        ImportFormat format,
        Charset encoding,
        Character delimiter,
        Boolean header,
        boolean skipBadRows,
        boolean replace,
        List<ColumnChoice> columns,
        String textColumn,
        String labelColumn,
        Path skippedRowsFile) {

    public ImportOptions {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** Everything detected, stop at the first bad row, add a new dataset. */
    public static ImportOptions of(Path file) {
        return new ImportOptions(file, null, null, null, null, null, false, false, List.of(), null, null, null);
    }

    public ImportOptions withName(String newName) {
        return copy(c -> c.name = newName);
    }

    public ImportOptions withFormat(ImportFormat newFormat) {
        return copy(c -> c.format = newFormat);
    }

    public ImportOptions withEncoding(Charset newEncoding) {
        return copy(c -> c.encoding = newEncoding);
    }

    public ImportOptions withHeader(Boolean hasHeader) {
        return copy(c -> c.header = hasHeader);
    }

    public ImportOptions withSkipBadRows(boolean skip) {
        return copy(c -> c.skipBadRows = skip);
    }

    public ImportOptions withReplace(boolean replaceExisting) {
        return copy(c -> c.replace = replaceExisting);
    }

    public ImportOptions withColumns(List<ColumnChoice> choices, String text, String label) {
        return copy(c -> {
            c.columns = choices;
            c.textColumn = text;
            c.labelColumn = label;
        });
    }

    public ImportOptions withSkippedRowsFile(Path list) {
        return copy(c -> c.skippedRowsFile = list);
    }

    /** This {@code ImportOptions} with what {@code change} sets changed: the one place that names every component. */
    private ImportOptions copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a copy being made; each wither sets its own before the copy is built. */
    private static final class Copy {
        private Path file;
        private String name;
        private ImportFormat format;
        private Charset encoding;
        private Character delimiter;
        private Boolean header;
        private boolean skipBadRows;
        private boolean replace;
        private List<ColumnChoice> columns;
        private String textColumn;
        private String labelColumn;
        private Path skippedRowsFile;

        private Copy(ImportOptions of) {
            file = of.file;
            name = of.name;
            format = of.format;
            encoding = of.encoding;
            delimiter = of.delimiter;
            header = of.header;
            skipBadRows = of.skipBadRows;
            replace = of.replace;
            columns = of.columns;
            textColumn = of.textColumn;
            labelColumn = of.labelColumn;
            skippedRowsFile = of.skippedRowsFile;
        }

        private ImportOptions build() {
            return new ImportOptions(
                    file,
                    name,
                    format,
                    encoding,
                    delimiter,
                    header,
                    skipBadRows,
                    replace,
                    columns,
                    textColumn,
                    labelColumn,
                    skippedRowsFile);
        }
    }

    /** The user's choice for the source column {@code sourceName}, if any. */
    public Optional<ColumnChoice> choiceFor(String sourceName) {
        return columns.stream().filter(c -> c.sourceName().equals(sourceName)).findFirst();
    }
}
