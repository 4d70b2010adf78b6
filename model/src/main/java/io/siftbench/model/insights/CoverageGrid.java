package io.siftbench.model.insights;

import java.util.List;

/**
 * The coverage heatmap of one pair of conditions: a cell for every value of {@code conditionA} (rows) times every
 * value of {@code conditionB} (columns), row by row, empty combinations included.
 */
public record CoverageGrid(
        String conditionA, String conditionB, List<String> valuesA, List<String> valuesB, List<CoverageCell> cells) {

    public CoverageGrid {
        valuesA = List.copyOf(valuesA);
        valuesB = List.copyOf(valuesB);
        cells = List.copyOf(cells);
    }

    public CoverageCell cell(String valueA, String valueB) {
        return cells.get(valuesA.indexOf(valueA) * valuesB.size() + valuesB.indexOf(valueB));
    }

    /** The combinations no sample has. */
    public List<CoverageCell> emptyCells() {
        return cells.stream().filter(CoverageCell::empty).toList();
    }

    /**
     * The combinations with fewer than {@code minimum} accepted samples, empty ones included: the cells a
     * "fill the gaps" run generates for.
     */
    public List<CoverageCell> thinCells(long minimum) {
        return cells.stream().filter(cell -> cell.accepted() < minimum).toList();
    }
}
