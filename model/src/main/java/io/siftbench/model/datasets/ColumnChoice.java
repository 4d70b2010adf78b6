package io.siftbench.model.datasets;

/**
 * What the user decided for one source column in the import preview: the name it gets and its type.
 * A {@code null} type means "infer it".
 */
public record ColumnChoice(String sourceName, String name, ColumnType type) {}
