package io.siftbench.storage.datasets;

/**
 * One record as read from the file, before typing.
 *
 * @param source the line (CSV, TSV, JSONL) or record number (JSON) it starts at
 * @param values one text per column, {@code null} for a missing value; JSON objects and arrays as JSON text
 * @param nested which values are JSON objects or arrays; {@code null} when none can be (CSV, TSV)
 * @param width  how many fields the row had in the file (for CSV, to spot ragged rows)
 */
record RawRow(long source, String[] values, boolean[] nested, int width) {}
