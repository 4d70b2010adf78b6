package io.siftbench.model.insights;

import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;

import java.util.List;
import java.util.Map;

/**
 * "Fill the gaps": a synthesize run like an earlier one, restricted to the thin cells of one of its coverage grids
 * (fewer accepted samples than wanted), so that the set grows where it is missing rather than where it is full.
 */
public final class GapFilling {

    private GapFilling() {
    }

    /** The value combinations of {@code grid}'s cells with fewer than {@code minimumAccepted} accepted samples. */
    public static List<Map<String, String>> cells(CoverageGrid grid, long minimumAccepted) {
        return grid.thinCells(minimumAccepted).stream()
                .map(cell -> Map.of(grid.conditionA(), cell.valueA(), grid.conditionB(), cell.valueB())).toList();
    }

    /**
     * The configuration of a new run like {@code run}, making {@code perCell} samples for each thin cell of
     * {@code grid}; with a seed of its own, so that it does not repeat the earlier run's requests.
     *
     * @throws IllegalArgumentException when no cell is thin
     */
    public static RunConfig config(RunInfo run, CoverageGrid grid, long minimumAccepted, int perCell) {
        List<Map<String, String>> cells = cells(grid, minimumAccepted);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("every cell of " + grid.conditionA() + " × " + grid.conditionB()
                    + " has at least " + minimumAccepted + " accepted samples: there is no gap to fill");
        }
        RunConfig old = run.config();
        RunDetails details = RunDetails.fromJson(old.details()).withCells(cells);
        return new RunConfig(old.promptVersionId(), old.mode(), old.backend(), details.parametersJson(),
                old.datasetId(), old.seed() + run.id(), old.concurrency(), cells.size() * perCell, old.votes(),
                details.toJson());
    }
}
