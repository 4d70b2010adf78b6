package io.siftbench.model.datasets;

/** One column of a dataset as the user sees it. */
public record ColumnInfo(String name, ColumnType type) {}
