package io.siftbench.model.insights;

import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import java.util.List;
import java.util.Map;

/**
 * "Fill the gaps": a synthesize run like an earlier one, restricted to the thin cells of one of its coverage grids,
 * or the thin values of one condition on its own (fewer accepted samples than wanted), so that the set grows where
 * it is missing rather than where it is full.
 */
public final class GapFilling {

    private GapFilling() {}

    /** The value combinations of {@code grid}'s cells with fewer than {@code minimumAccepted} accepted samples. */
    public static List<Map<String, String>> cells(CoverageGrid grid, long minimumAccepted) {
        return grid.thinCells(minimumAccepted).stream()
                .map(cell -> Map.of(grid.conditionA(), cell.valueA(), grid.conditionB(), cell.valueB()))
                .toList();
    }

    /**
     * The values of {@code coverage}'s condition with fewer than {@code minimumAccepted} accepted samples, empty
     * ones included, each as a cell that sets only that condition (the plan chooses the others).
     */
    public static List<Map<String, String>> cells(ValueCoverage coverage, long minimumAccepted) {
        return coverage.thinValues(minimumAccepted).stream()
                .map(value -> Map.of(coverage.condition(), value.value()))
                .toList();
    }

    /**
     * The configuration of a new run like {@code run}, making {@code perCell} samples for each thin cell of
     * {@code grid}; with a seed of its own, so that it does not repeat the earlier run's requests.
     *
     * @throws IllegalArgumentException when no cell is thin
     */
    public static RunConfig config(RunInfo run, CoverageGrid grid, long minimumAccepted, int perCell) {
        return config(
                run,
                cells(grid, minimumAccepted),
                perCell,
                minimumAccepted,
                "cell of " + grid.conditionA() + " × " + grid.conditionB());
    }

    /**
     * The configuration of a new run like {@code run}, making {@code perCell} samples for each thin value of
     * {@code coverage}'s condition, as {@link #config(RunInfo, CoverageGrid, long, int)} does for a grid.
     *
     * @throws IllegalArgumentException when no value is thin
     */
    public static RunConfig config(RunInfo run, ValueCoverage coverage, long minimumAccepted, int perCell) {
        return config(
                run, cells(coverage, minimumAccepted), perCell, minimumAccepted, "value of " + coverage.condition());
    }

    private static RunConfig config(
            RunInfo run, List<Map<String, String>> cells, int perCell, long minimumAccepted, String every) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("every " + every + " has at least " + minimumAccepted
                    + " accepted samples: there is no gap to fill");
        }
        return like(run, cells, cells.size() * perCell);
    }

    /**
     * A new synthesize run like {@code run} making {@code samples} samples over {@code cells} in turn, with a seed
     * of its own so that it does not repeat the earlier run's requests.
     */
    static RunConfig like(RunInfo run, List<Map<String, String>> cells, int samples) {
        RunConfig old = run.config();
        RunDetails details = RunDetails.fromJson(old.details()).withCells(cells);
        return new RunConfig(
                old.promptVersionId(),
                old.mode(),
                old.backend(),
                details.parametersJson(),
                old.datasetId(),
                old.seed() + run.id(),
                old.concurrency(),
                samples,
                old.votes(),
                details.toJson());
    }
}
