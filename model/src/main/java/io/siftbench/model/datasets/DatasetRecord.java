package io.siftbench.model.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a dataset.
 *
 * @param id     its record id, 1..n in import order, stable for the dataset's life
 * @param source the line (CSV, TSV, JSONL) or record number (JSON) it came from
 * @param values the values by column name, in column order; a value is a String, Long, BigDecimal,
 *               Boolean or OffsetDateTime as the column's type says (JSON columns hold JSON text), or null
 */
public record DatasetRecord(long id, long source, Map<String, Object> values) {

    public DatasetRecord {
        // Values may be null, which Map.copyOf refuses; the order of the columns matters.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code column} as text, or {@code null}. */
    public String text(String column) {
        Object v = values.get(column);
        return v == null ? null : v.toString();
    }
}
