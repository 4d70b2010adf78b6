package io.siftbench.model.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV export: one row per record, one column per condition, every text cell through the
 * {@link FormulaGuard} because CSV files end up opened in spreadsheets.
 */
final class CsvFile implements ExportFile<ExportRecord> {

    static final List<String> COLUMNS = List.of(
            "id",
            "run",
            "split",
            "status",
            "input",
            "output",
            "label",
            "original_output",
            "model",
            "seed",
            "flags",
            "error");
    /** Condition columns are named {@code condition.<name>}. */
    static final String CONDITION_PREFIX = "condition.";

    private static final CsvMapper CSV = new CsvMapper();

    private final List<String> conditions;
    private final SequenceWriter rows;

    CsvFile(Path file, List<String> conditions) throws IOException {
        this.conditions = List.copyOf(conditions);
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        conditions.forEach(c -> schema.addColumn(CONDITION_PREFIX + c));
        this.rows =
                CSV.writerFor(String[].class).with(schema.build().withHeader()).writeValues(file.toFile());
    }

    @Override
    public void write(ExportRecord r) throws IOException {
        List<String> cells = new ArrayList<>(COLUMNS.size() + conditions.size());
        cells.add(Long.toString(r.id()));
        cells.add(Long.toString(r.run().id()));
        cells.add(r.split().id());
        cells.add(r.item().state());
        cells.add(r.input());
        cells.add(r.output());
        cells.add(r.label());
        cells.add(r.originalOutput());
        cells.add(r.sample().model());
        cells.add(r.sample().seed() == null ? null : r.sample().seed().toString());
        cells.add(String.join(" ", r.flags()));
        cells.add(r.sample().error());
        conditions.forEach(c -> cells.add(r.conditions().get(c)));
        // CSV has no null: an absent value is an empty cell (Jackson would drop a null and shift the row).
        rows.write(
                cells.stream().map(c -> c == null ? "" : FormulaGuard.guard(c)).toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
