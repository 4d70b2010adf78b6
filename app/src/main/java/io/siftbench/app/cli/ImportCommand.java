package io.siftbench.app.cli;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportFormat;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.datasets.ImportStage;
import io.siftbench.model.project.Project;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code siftbench import --project P --file F [--name N] [--format csv|tsv|jsonl|json] [--no-header]
 * [--skip-bad-rows] [--replace]}: imports a file as a dataset; the summary on stdout, progress on stderr.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a CSV, TSV, JSONL or JSON file (optionally .gz) as a dataset.")
public final class ImportCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The file to import.")
    Path file;

    @Option(names = "--name", paramLabel = "N", description = "The dataset's name (default: the file name).")
    String name;

    @Option(
            names = "--format",
            paramLabel = "csv|tsv|jsonl|json",
            description = "The format (default: from the file name).")
    String format;

    @Option(
            names = "--encoding",
            paramLabel = "E",
            converter = EncodingName.class,
            description = "UTF-8, UTF-16 (byte order from the mark or the text), UTF-16LE, UTF-16BE or ISO-8859-1 "
                    + "(default: from a byte order mark or the text, else UTF-8).")
    Charset encoding;

    @Option(names = "--no-header", description = "The first CSV/TSV row is a record, not column names.")
    boolean noHeader;

    @Option(names = "--skip-bad-rows", description = "Skip malformed rows and list them, instead of stopping.")
    boolean skipBadRows;

    @Option(names = "--replace", description = "Replace the dataset of the same name instead of adding another.")
    boolean replace;

    /** What is printed: the dataset as {@code datasets} prints it, and how the import went. */
    record Summary(
            String name,
            long rows,
            List<DatasetsCommand.Column> columns,
            String textColumn,
            String labelColumn,
            String encoding,
            long skipped,
            String skippedRowsFile,
            double seconds) {
        static Summary of(ImportReport report) {
            DatasetInfo d = report.dataset();
            DatasetsCommand.Listed listed = DatasetsCommand.Listed.of(d);
            return new Summary(
                    listed.name(),
                    listed.rows(),
                    listed.columns(),
                    d.textColumn(),
                    d.labelColumn(),
                    report.encoding().name(),
                    report.skippedRows(),
                    report.skippedRowsFile() == null
                            ? null
                            : report.skippedRowsFile().toString(),
                    report.elapsed().toMillis() / 1000.0);
        }
    }

    @Override
    public Integer call() {
        ImportOptions options = ImportOptions.of(file)
                .withName(name)
                .withFormat(format == null ? null : ImportFormat.parse(format))
                .withEncoding(encoding)
                .withHeader(noHeader ? Boolean.FALSE : null)
                .withSkipBadRows(skipBadRows)
                .withReplace(replace);
        try (Project open = project.open()) {
            ImportReport report = open.datasets()
                    .importFile(options, new StderrProgress(spec.commandLine().getErr()));
            if (report.skippedRows() > 0) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "Skipped %,d bad rows; they are listed in %s%n",
                                report.skippedRows(), report.skippedRowsFile());
            }
            JsonOut.print(spec.commandLine().getOut(), Summary.of(report));
        }
        return 0;
    }

    /** An encoding by its name; a name Java does not know is refused in our words, not the JDK's. */
    static final class EncodingName implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("there is no encoding called '" + name
                        + "'; use UTF-8, UTF-16, UTF-16LE, UTF-16BE or ISO-8859-1.");
            }
        }
    }

    /** One progress line a second on stderr, so that stdout stays pure JSON. */
    private static final class StderrProgress implements ImportProgress {
        private final PrintWriter err;
        private long last = System.nanoTime();

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(ImportStage stage, long rows, long bytesRead, long totalBytes) {
            long now = System.nanoTime();
            if (now - last >= PROGRESS_EVERY_NANOS) {
                last = now;
                err.printf(
                        "%s: %,d rows, %d%% of the file%n",
                        stage.label(), rows, totalBytes == 0 ? 100 : Math.min(100, bytesRead * 100 / totalBytes));
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
