package io.siftbench.views.insights;

import io.siftbench.model.insights.Histogram;
import io.siftbench.model.insights.InsightsReport;
import io.siftbench.model.insights.ValueCount;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Insights screen shows of the runs measured side by side: its title, the metric cards, which charts, and
 * the figures the bar charts draw. The view only builds the nodes for it.
 */
record InsightsLayout(List<MeasuredRun> runs) {

    /** One metric card: the metric's name and its value for each run, named after the run when there are several. */
    record MetricCard(String name, List<String> values) {}

    InsightsLayout {
        runs = List.copyOf(runs);
    }

    /** The runs' headings side by side, and which of their samples were measured. */
    String title() {
        return runs.stream().map(MeasuredRun::heading).collect(Collectors.joining("  vs  ")) + " · "
                + runs.get(0).report().status().name().toLowerCase(Locale.ROOT) + " samples";
    }

    /**
     * The heading drawn into {@code section}'s saved PNG, so that the picture says what it shows and of which
     * runs once it is away from the screen: "Length in words — run #3 intent v2 · all samples".
     */
    String pictureTitle(InsightsSection section) {
        return sectionTitle(section) + " — " + (runs.size() == 1 ? "run " : "runs ") + title();
    }

    /**
     * The chart's heading, saying where a run was measured on a seeded sample: "Length in words · on a seeded
     * sample of 10,000 of 1,000,000 samples" (each sampled run named first when several are shown).
     */
    String sectionTitle(InsightsSection section) {
        List<String> drawn = new ArrayList<>();
        for (MeasuredRun r : runs) {
            if (section.drawn() && r.report().sampled() != null) {
                drawn.add((runs.size() > 1 ? r.heading() + " " : "")
                        + r.report().sampled().describe());
            }
        }
        return drawn.isEmpty() ? section.title() : section.title() + " · " + String.join("; ", drawn);
    }

    /**
     * What was measured on a seeded sample, for the line under the title: "run #3 …: distinct-n, …, judge scores
     * on a seeded sample of 10,000 of 1,000,000 samples (seed 7); the sample count and the labels count every
     * sample"; empty when every run was measured whole.
     */
    String sampledNote() {
        return runs.stream()
                .filter(r -> r.report().sampled() != null)
                .map(r -> r.heading() + ": "
                        + String.join(", ", r.report().sampled().metrics()) + " "
                        + r.report().sampled().describe() + " (seed "
                        + r.report().sampled().seed()
                        + "); the sample count and the labels count every sample")
                .collect(Collectors.joining("\n"));
    }

    /** A card for every metric that at least one of the runs has. */
    List<MetricCard> cards() {
        List<MetricCard> cards = new ArrayList<>();
        for (MetricRows.Row row : MetricRows.rows()) {
            List<String> values =
                    runs.stream().map(r -> row.value().apply(r.report())).toList();
            if (values.stream().allMatch(MetricRows.NONE::equals)) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                shown.add(values.get(i) + (runs.size() > 1 ? "  " + runs.get(i).heading() : ""));
            }
            cards.add(new MetricCard(row.name(), shown));
        }
        return cards;
    }

    /** The charts at least one of the runs has something for, in their order on the screen. */
    List<InsightsSection> sections() {
        return Arrays.stream(InsightsSection.values())
                .filter(section -> runs.stream().anyMatch(r -> section.has(r.report())))
                .toList();
    }

    /**
     * The top of the count axis of every run's condition value bars: the largest count of every run shown (at least
     * one), so that runs compare bar by bar.
     */
    long mostValueSamples() {
        return Math.max(
                1,
                runs.stream()
                        .flatMap(r -> r.report().metrics().valueCoverage().stream())
                        .flatMap(c -> c.values().stream())
                        .mapToLong(ValueCount::samples)
                        .max()
                        .orElse(0));
    }

    /** The distinct-n figures of one run side by side, as the cards write them: "0.623 / 0.881 / 0.912". */
    static String distinctNValues(InsightsReport metrics) {
        return metrics.lexical().distinct().stream()
                .map(d -> MetricRows.format(d.value()))
                .collect(Collectors.joining(" / "));
    }

    /** The distinct-n bars of one run: the share of unique n-grams for each n, named "distinct-N". */
    static Map<String, Number> distinctN(InsightsReport metrics) {
        Map<String, Number> values = new LinkedHashMap<>();
        metrics.lexical().distinct().forEach(d -> values.put("distinct-" + d.n(), d.value()));
        return values;
    }

    /** The length bars of one run: the samples per bin of words, each named by its whole numbers ("1–3", then "4–6"). */
    static Map<String, Number> lengthBins(InsightsReport metrics) {
        Histogram histogram = metrics.lengths().words().histogram();
        Map<String, Number> bins = new LinkedHashMap<>();
        for (int bin = 0; bin < histogram.bins(); bin++) {
            bins.put(
                    histogram.firstInteger(bin) == histogram.lastInteger(bin)
                            ? Long.toString(histogram.firstInteger(bin))
                            : histogram.firstInteger(bin) + "–" + histogram.lastInteger(bin),
                    histogram.counts()[bin]);
        }
        return bins;
    }

    /** The label bars of one run: the samples per label. */
    static Map<String, Number> labelCounts(InsightsReport metrics) {
        Map<String, Number> values = new LinkedHashMap<>();
        metrics.labels().labels().forEach(l -> values.put(l.label(), l.count()));
        return values;
    }

    /** How a condition value's bar is named: a value no sample has is marked empty. */
    static String valueCategory(ValueCount value) {
        return value.empty() ? value.value() + " (empty)" : value.value();
    }

    /**
     * Whether "Fill the gaps" is offered under {@code run}'s coverage: not for one condition value's samples, where
     * every other value looks empty only because it is left out.
     */
    static boolean offersFillTheGaps(MeasuredRun run) {
        return !run.slice().byCondition();
    }
}
