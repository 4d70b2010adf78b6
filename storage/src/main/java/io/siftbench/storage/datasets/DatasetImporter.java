package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnRoles;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportFormat;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportPreview;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.datasets.ImportStage;
import io.siftbench.model.datasets.SourceLocation;
import io.siftbench.model.project.ProjectException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javax.sql.DataSource;

/**
 * Imports one file as a stream. Usually it is read once: the first rows settle the column types, the table is
 * created, and every record is checked as it is stored, in batches inside one transaction. Where a later value
 * needs a wider type, that attempt is undone and the file is read twice: once to check every record and settle
 * the types, writing nothing, once to store. The dataset row is written last; whatever fails or is cancelled
 * on the way, the table is dropped and the project is left as it was.
 */
final class DatasetImporter {

    private static final int BATCH = 1000;

    /**
     * The rows go into a table no dataset names until {@link DatasetCatalog#register} commits the dataset, so they
     * need not wait for that commit: committed in parts, they leave H2 no undo log of the whole file to keep, and a
     * process killed mid-import leaves a table that the next opening drops ({@link DatasetCatalog#dropOrphans})
     * instead of a transaction of a million rows to undo, which made that opening take longer than the import.
     */
    private static final int COMMIT_EVERY = 20 * BATCH;

    private static final int PROGRESS_EVERY = 4096;
    /** The first rows that settle the types when the file is read once: enough to see the usual values. */
    private static final int SAMPLE_ROWS = 10_000;

    private static final long SAMPLE_CHARS = 8L << 20;

    private final DataSource db;
    private final DatasetCatalog catalog;

    DatasetImporter(DataSource db, DatasetCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    ImportPreview preview(ImportOptions options, int limit) {
        SourceSettings settings = SourceSettings.resolve(options);
        try (RecordReader reader = settings.open(List.of())) {
            SchemaScan scan = scan(settings, reader, options);
            List<RawRow> rows = new ArrayList<>();
            while (rows.size() < limit) {
                RawRow row = nextGood(reader, scan, options, null);
                if (row == null) {
                    break;
                }
                rows.add(row);
            }
            List<ColumnInfo> columns = scan.columns();
            List<List<String>> cells = rows.stream()
                    .map(r -> Arrays.asList(Arrays.copyOf(r.values(), columns.size())))
                    .toList();
            return new ImportPreview(
                    settings.format(),
                    settings.encoding(),
                    settings.format() == ImportFormat.CSV || settings.format() == ImportFormat.TSV
                            ? settings.delimiter()
                            : null,
                    reader instanceof CsvRecordReader csv ? csv.header() : true,
                    columns,
                    cells,
                    textColumn(options, columns),
                    labelColumn(options, columns));
        }
    }

    ImportReport importFile(ImportOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        SourceSettings settings = SourceSettings.resolve(options);
        String name = datasetName(options);
        try (SkippedRows skipped = new SkippedRows(options.skippedRowsFile())) {
            DatasetInfo info = storeInOnePass(settings, options, name, skipped, progress);
            if (info != null) {
                return new ImportReport(
                        info,
                        skipped.count(),
                        skipped.file(),
                        Duration.ofNanos(System.nanoTime() - started),
                        settings.encoding());
            }
        }
        // A later value needed a wider type than the first rows showed: check the whole file, then store it.
        try (SkippedRows skipped = new SkippedRows(options.skippedRowsFile())) {
            DatasetInfo info = checkThenStore(settings, options, name, skipped, progress);
            return new ImportReport(
                    info,
                    skipped.count(),
                    skipped.file(),
                    Duration.ofNanos(System.nanoTime() - started),
                    settings.encoding());
        }
    }

    /**
     * The usual case, read once: the types are settled on the first rows, and the rest are stored as they are
     * checked. Returns {@code null}, having stored nothing, when a later value needs a wider type or a later
     * JSON record brings a new key.
     */
    private DatasetInfo storeInOnePass(
            SourceSettings settings, ImportOptions options, String name, SkippedRows skipped, ImportProgress progress) {
        RecordReader source = settings.open(List.of());
        try (RecordReader reader = new PrefetchingReader(source)) {
            SchemaScan scan = scan(settings, source, options);
            List<RawRow> sample = new ArrayList<>();
            long chars = 0;
            RawRow row;
            while (sample.size() < SAMPLE_ROWS
                    && chars < SAMPLE_CHARS
                    && (row = nextGood(reader, scan, options, skipped)) != null) {
                sample.add(row);
                chars += length(row);
            }
            if (sample.isEmpty()) {
                return null; // the careful way says why there is nothing to import
            }
            List<ColumnInfo> columns = scan.columns();
            scan.settle();
            Iterator<RawRow> first = sample.iterator();
            RowSource rows = () -> {
                if (first.hasNext()) {
                    return first.next();
                }
                RawRow next = nextGood(reader, scan, options, skipped);
                if (scan.unsettled()) {
                    throw new TypesWidened();
                }
                return next;
            };
            return store(settings, columns, rows, reader, name, options, -1, progress);
        } catch (TypesWidened e) {
            return null;
        }
    }

    /** The careful way, read twice: check every record and settle the types, writing nothing; then store. */
    private DatasetInfo checkThenStore(
            SourceSettings settings, ImportOptions options, String name, SkippedRows skipped, ImportProgress progress) {
        List<String> sourceColumns;
        List<ColumnInfo> columns;
        long rows;
        try (RecordReader reader = settings.open(List.of())) {
            SchemaScan scan = scan(settings, reader, options);
            if (reader instanceof CsvRecordReader csv) {
                settings = settings.withHeader(csv.header());
            }
            long seen = 0;
            while (nextGood(reader, scan, options, skipped) != null) {
                if (++seen % PROGRESS_EVERY == 0) {
                    report(progress, ImportStage.CHECKING, seen, reader, settings);
                }
            }
            rows = scan.rows();
            sourceColumns = List.copyOf(reader.columns());
            columns = scan.columns();
        }
        if (rows == 0) {
            throw new DatasetImportException(
                    SourceLocation.file(settings.fileName()),
                    skipped.count() > 0
                            ? "every one of its " + skipped.count() + " records is malformed; nothing to import."
                            : "the file holds no records" + (sourceColumns.isEmpty() ? "." : ", only a header."));
        }
        try (RecordReader reader = new PrefetchingReader(settings.open(sourceColumns))) {
            RowSource good = () -> {
                while (true) {
                    try {
                        RawRow row = reader.next();
                        if (row == null || !skipped.contains(row.source())) {
                            return row;
                        }
                    } catch (BadRowException e) {
                        // listed by the first pass
                    }
                }
            };
            return store(settings, columns, good, reader, name, options, rows, progress);
        }
    }

    /** The records to store, good ones only, in order; {@code null} at the end. */
    @FunctionalInterface
    private interface RowSource {
        RawRow next();
    }

    /** A value the settled types cannot hold: the one-pass import gives way to the careful one. */
    private static final class TypesWidened extends RuntimeException {
        TypesWidened() {
            super(null, null, false, false);
        }
    }

    private static long length(RawRow row) {
        long n = 0;
        for (String v : row.values()) {
            n += v == null ? 0 : v.length();
        }
        return n;
    }

    /** A scan of {@code reader}'s records; give the file's own reader, not a wrapper, so CSV rules apply. */
    private SchemaScan scan(SourceSettings settings, RecordReader reader, ImportOptions options) {
        boolean csv = reader instanceof CsvRecordReader;
        if (reader instanceof CsvRecordReader r && r.header()) {
            SchemaScan.requireNamed(r.columns(), r.headerLocation());
        }
        return new SchemaScan(settings.fileName(), reader, options, csv);
    }

    /** The next good record; a bad one is skipped and listed when the user said so, else it stops the import. */
    private static RawRow nextGood(RecordReader reader, SchemaScan scan, ImportOptions options, SkippedRows skipped) {
        while (true) {
            DatasetImportException problem;
            RawRow row = null;
            try {
                row = reader.next();
                if (row == null) {
                    return null;
                }
                problem = scan.check(row);
            } catch (BadRowException e) {
                problem = e.problem();
            }
            if (problem == null) {
                return row;
            }
            if (!options.skipBadRows()) {
                throw problem;
            }
            if (skipped != null) {
                skipped.add(problem);
            }
        }
    }

    private DatasetInfo store(
            SourceSettings settings,
            List<ColumnInfo> columns,
            RowSource rows,
            RecordReader reader,
            String name,
            ImportOptions options,
            long expectedRows,
            ImportProgress progress) {
        String text = textColumn(options, columns);
        String label = labelColumn(options, columns);
        try (Connection c = db.getConnection()) {
            DatasetTable table = DatasetTable.create(nextTableNumber(c), columns);
            try (Statement s = c.createStatement()) {
                s.execute(table.createSql());
            }
            List<String> replaced = new ArrayList<>();
            DatasetInfo info;
            try {
                c.setAutoCommit(false);
                long stored = fill(c, table, rows, reader, settings, progress);
                if (expectedRows >= 0 && stored != expectedRows) {
                    throw new ProjectException(
                            settings.fileName() + " changed while it was imported: it held " + expectedRows
                                    + " good records at first and " + stored + " the second time. Import it again.");
                }
                info = catalog.register(c, table, name, options.replace(), settings, stored, text, label, replaced);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + table.quotedName());
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            DatasetCatalog.drop(c, replaced);
            return info;
        } catch (SQLException e) {
            // H2's own text quotes the SQL, which says nothing to the user; what failed is writing the project.
            throw new ProjectException(
                    "Could not store the dataset: writing to the project failed (database error " + e.getErrorCode()
                            + "). Check that the disk has room, then import again.",
                    e);
        }
    }

    private static long nextTableNumber(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("VALUES NEXT VALUE FOR dataset_table_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long fill(
            Connection c,
            DatasetTable table,
            RowSource rows,
            RecordReader reader,
            SourceSettings settings,
            ImportProgress progress)
            throws SQLException {
        List<DatasetTable.Column> columns = table.columns();
        int n = columns.size();
        ColumnType[] types = columns.stream().map(DatasetTable.Column::type).toArray(ColumnType[]::new);
        int[] sqlTypes = Arrays.stream(types).mapToInt(DatasetImporter::sqlType).toArray();
        long id = 0;
        try (PreparedStatement insert = c.prepareStatement(table.insertSql())) {
            for (RawRow row = rows.next(); row != null; row = rows.next()) {
                insert.setLong(1, ++id);
                insert.setLong(2, row.source());
                String[] values = row.values();
                for (int i = 0; i < n; i++) {
                    String v = i < values.length ? values[i] : null;
                    if (v == null) {
                        insert.setNull(i + 3, sqlTypes[i]);
                    } else if (types[i] == ColumnType.TEXT || types[i] == ColumnType.JSON) {
                        insert.setString(i + 3, v);
                    } else {
                        insert.setObject(i + 3, ValueTypes.convert(v, types[i]));
                    }
                }
                insert.addBatch();
                if (id % BATCH == 0) {
                    insert.executeBatch();
                    if (id % COMMIT_EVERY == 0) {
                        c.commit();
                    }
                    if (id % PROGRESS_EVERY < BATCH) {
                        report(progress, ImportStage.STORING, id, reader, settings);
                    }
                }
            }
            insert.executeBatch();
        }
        progress.update(
                ImportStage.STORING,
                id,
                settings.file().toFile().length(),
                settings.file().toFile().length());
        return id;
    }

    private static void report(
            ImportProgress progress, ImportStage stage, long rows, RecordReader reader, SourceSettings settings) {
        if (progress.isCancelled()) {
            throw new CancellationException("The import was cancelled.");
        }
        progress.update(
                stage, rows, reader.bytesRead(), settings.file().toFile().length());
    }

    private static int sqlType(ColumnType t) {
        return switch (t) {
            case TEXT, JSON -> Types.VARCHAR;
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case BOOLEAN -> Types.BOOLEAN;
            case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }

    private static String datasetName(ImportOptions options) {
        if (options.name() != null) {
            if (options.name().isBlank()) {
                throw new IllegalArgumentException("A dataset needs a name.");
            }
            return options.name().trim();
        }
        String file = options.file().getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** The user's text column; guessed only where the user has not been through the preview. */
    private static String textColumn(ImportOptions options, List<ColumnInfo> columns) {
        Optional<String> chosen = role(options.textColumn(), columns);
        return options.columns().isEmpty()
                ? chosen.or(() -> ColumnRoles.guessText(columns)).orElse(null)
                : chosen.orElse(null);
    }

    private static String labelColumn(ImportOptions options, List<ColumnInfo> columns) {
        Optional<String> chosen = role(options.labelColumn(), columns);
        return options.columns().isEmpty()
                ? chosen.or(() -> ColumnRoles.guessLabel(columns)).orElse(null)
                : chosen.orElse(null);
    }

    /** The user's role column, checked against the columns. */
    private static Optional<String> role(String column, List<ColumnInfo> columns) {
        if (column == null) {
            return Optional.empty();
        }
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            throw new IllegalArgumentException("There is no column \"" + column + "\" to hold the text or the label.");
        }
        return Optional.of(column);
    }
}
