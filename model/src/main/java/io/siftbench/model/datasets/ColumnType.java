package io.siftbench.model.datasets;

/** The type of a dataset column, ordered so that a later value can only widen it (see {@link #widen}). */
public enum ColumnType {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    TIMESTAMP,
    JSON,
    TEXT;

    /** The narrowest type that holds values of both types. */
    public ColumnType widen(ColumnType other) {
        if (this == other) {
            return this;
        }
        if ((this == INTEGER && other == DECIMAL) || (this == DECIMAL && other == INTEGER)) {
            return DECIMAL;
        }
        return TEXT;
    }
}
