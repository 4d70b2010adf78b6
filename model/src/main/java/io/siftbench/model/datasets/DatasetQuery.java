package io.siftbench.model.datasets;

/**
 * Which records of a dataset to show and in what order.
 *
 * @param search      text that the text column must contain (case-insensitive); {@code null} or blank for none
 * @param filterColumn a column whose value must equal {@code filterValue}; {@code null} for none
 * @param sortColumn  the column to sort by; {@code null} keeps the import order
 */
public record DatasetQuery(
        String search, String filterColumn, String filterValue, String sortColumn, boolean descending) {

    /** Every record in import order. */
    public static final DatasetQuery ALL = new DatasetQuery(null, null, null, null, false);

    public boolean hasSearch() {
        return search != null && !search.isBlank();
    }

    public boolean hasFilter() {
        return filterColumn != null && !filterColumn.isBlank();
    }

    /** Import order and no condition: record ids 1..n map straight to positions. */
    public boolean isPlain() {
        return !hasSearch() && !hasFilter() && sortColumn == null;
    }
}
