package io.siftbench.model.export;

import io.siftbench.model.runs.SampleIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each record an export writes goes, decided before any is written: its split, and its place among
 * everything written (the kept records in the order the files list them, then the negatives), which also orders
 * each file. Held per run as sorted sample ids with a packed place each, 12 bytes a record written (and, while the split is made, one small {@link Choice} each), so that the
 * records themselves need not be held; a record is looked up by its run and id as the runs are read again.
 */
final class ExportChoices {

    static final ExportChoices NONE = new ExportChoices(Map.of(), List.of(), Map.of(), 0, 0);

    /**
     * A sample chosen, with what its split and its file's header need: its run and ordinal (the split's order), its
     * stratum and the names of its conditions (a CSV file's columns).
     */
    record Choice(long id, long run, int ordinal, String stratum, Set<String> conditionNames, Split split) {

        Choice in(Split newSplit) {
            return new Choice(id, run, ordinal, stratum, conditionNames, newSplit);
        }
    }

    /** A record's split and its place among everything written. */
    record Place(Split split, int position) {}

    private static final Comparator<Choice> RUN_ORDER =
            Comparator.comparingLong(Choice::run).thenComparingInt(Choice::ordinal);
    private static final Split[] SPLITS = Split.values();

    private final Map<Long, Table> byRun;
    private final List<Long> keptRunOrder;
    private final Map<Split, List<String>> conditionNames;
    private final int kept;
    private final int negatives;

    private ExportChoices(
            Map<Long, Table> byRun,
            List<Long> keptRunOrder,
            Map<Split, List<String>> conditionNames,
            int kept,
            int negatives) {
        this.byRun = byRun;
        this.keptRunOrder = keptRunOrder;
        this.conditionNames = conditionNames;
        this.kept = kept;
        this.negatives = negatives;
    }

    /**
     * The places of {@code kept} (split by {@code split} when not null, in the splitter's order: by run id and
     * ordinal) and of {@code negatives} (after them, in the order read).
     */
    static ExportChoices of(List<Choice> kept, List<Choice> negatives, SplitRatios split) {
        List<Choice> ordered = split == null
                ? kept
                : new StratifiedSplitter(split).split(new ArrayList<>(kept), Choice::stratum, RUN_ORDER, Choice::in);
        Map<Long, TableBuilder> builders = new HashMap<>();
        Map<Split, TreeSet<String>> names = new EnumMap<>(Split.class);
        Set<Long> runOrder = new LinkedHashSet<>();
        int position = 0;
        for (Choice c : ordered) {
            runOrder.add(c.run());
            builders.computeIfAbsent(c.run(), r -> new TableBuilder()).add(c.id(), c.split(), position++);
            names.computeIfAbsent(c.split(), s -> new TreeSet<>()).addAll(c.conditionNames());
        }
        for (Choice c : negatives) {
            builders.computeIfAbsent(c.run(), r -> new TableBuilder()).add(c.id(), Split.REJECTED, position++);
            names.computeIfAbsent(Split.REJECTED, s -> new TreeSet<>()).addAll(c.conditionNames());
        }
        Map<Long, Table> tables = new HashMap<>();
        builders.forEach((run, builder) -> tables.put(run, builder.build()));
        Map<Split, List<String>> conditionNames = new EnumMap<>(Split.class);
        names.forEach((s, n) -> conditionNames.put(s, List.copyOf(n)));
        return new ExportChoices(tables, List.copyOf(runOrder), conditionNames, kept.size(), negatives.size());
    }

    /** Where the sample goes; null when it is not written. */
    Place find(long runId, long sampleId) {
        Table table = byRun.get(runId);
        return table == null ? null : table.find(sampleId);
    }

    /** The runs with kept records, in the order their records are written. */
    List<Long> keptRunOrder() {
        return keptRunOrder;
    }

    /** The names of the conditions of the records going to {@code split}, in name order. */
    List<String> conditionNames(Split split) {
        return conditionNames.getOrDefault(split, List.of());
    }

    int kept() {
        return kept;
    }

    int negatives() {
        return negatives;
    }

    /** One run's choices: each sample's place packed as position × 8 + split. */
    private record Table(SampleIndex places) {

        Place find(long sampleId) {
            int packed = places.find(sampleId);
            return packed < 0 ? null : new Place(SPLITS[packed & 7], packed >>> 3);
        }
    }

    private static final class TableBuilder {
        private final SampleIndex.Builder places = new SampleIndex.Builder();

        void add(long id, Split split, int position) {
            places.add(id, (position << 3) | split.ordinal());
        }

        Table build() {
            return new Table(places.build());
        }
    }
}
