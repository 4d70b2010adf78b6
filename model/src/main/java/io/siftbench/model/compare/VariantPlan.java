package io.siftbench.model.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns Compare's choice — a base run and 1 to 3 variants beside it — into the runs to read, one per column:
 * each variant's run is the base run's inputs (dataset, filter, subset), target, seed, votes and parameters
 * with the variant's one change, and where the project holds a run of exactly that configuration already, that
 * run is reused instead of starting another.
 */
public final class VariantPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One column of Compare.
     *
     * @param name   how the column is headed
     * @param config the configuration of its run
     * @param run    the stored run to read; null when the run must be started
     */
    public record Column(String name, RunConfig config, RunInfo run) {

        public boolean needsRun() {
            return run == null;
        }
    }

    private final RunStore runs;
    private final PromptStore prompts;

    public VariantPlan(RunStore runs, PromptStore prompts) {
        this.runs = runs;
        this.prompts = prompts;
    }

    /**
     * The base run's column first, then one per variant in order. A condition variant may save the prompt version
     * it needs (see {@link Variant.ConditionChange}); nothing else is written.
     *
     * @throws IllegalArgumentException when there are not 1 to 3 variants, one is given twice, or a variant
     *                                  changes nothing or more than one thing
     */
    public List<Column> plan(RunInfo base, List<Variant> variants) {
        if (variants.isEmpty() || variants.size() > 3) {
            throw new IllegalArgumentException("Add 1 to 3 variants beside the base run, not " + variants.size() + ".");
        }
        if (new HashSet<>(variants).size() < variants.size()) {
            throw new IllegalArgumentException("Each variant once: one of them is added twice.");
        }
        List<RunInfo> stored = runs.list();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(RunLabel.name(base), base.config(), base));
        Set<Long> taken = new HashSet<>(List.of(base.id()));
        for (Variant variant : variants) {
            RunConfig config = variant.configOf(base.config(), prompts);
            RunInfo reused = stored.stream()
                    .filter(r -> !taken.contains(r.id()) && matches(r.config(), config))
                    // The most complete first; of those, the newest (the list is newest first, max keeps the first).
                    .max(Comparator.comparingLong(r -> r.samples() - r.failures()))
                    .orElse(null);
            if (reused != null) {
                taken.add(reused.id());
            }
            columns.add(new Column(variant.describe(), config, reused));
        }
        return columns;
    }

    /**
     * Whether a run of {@code stored} gives the samples a run of {@code wanted} would: the same prompt version
     * (and so mode), backend and model, dataset, seed, target, votes, parameters and details (subset, filter,
     * cells, sampling). Concurrency only changes how fast, so it does not count.
     */
    public static boolean matches(RunConfig stored, RunConfig wanted) {
        return stored.promptVersionId() == wanted.promptVersionId()
                && stored.mode() == wanted.mode()
                && sameBackend(stored.backend(), wanted.backend())
                && Objects.equals(stored.datasetId(), wanted.datasetId())
                && stored.seed() == wanted.seed()
                && stored.target() == wanted.target()
                && stored.votes() == wanted.votes()
                && sameJson(stored.parameters(), wanted.parameters())
                && sameDetails(stored.details(), wanted.details());
    }

    private static boolean sameBackend(BackendRef a, BackendRef b) {
        return a.kind().equalsIgnoreCase(b.kind())
                && a.location().equals(b.location())
                && Objects.equals(blankAsNull(a.model()), blankAsNull(b.model()));
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The same settings however the JSON was spelled (field order, spacing, defaults left out). */
    private static boolean sameDetails(String a, String b) {
        try {
            return RunDetails.fromJson(a).equals(RunDetails.fromJson(b));
        } catch (IllegalArgumentException unreadable) {
            return Objects.equals(a, b);
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return Objects.equals(a, b);
        }
    }
}
