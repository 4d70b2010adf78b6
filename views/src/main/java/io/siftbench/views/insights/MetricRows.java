package io.siftbench.views.insights;

import io.siftbench.model.insights.DistinctN;
import io.siftbench.model.insights.GoldAgreement;
import io.siftbench.model.insights.JudgeScores;
import io.siftbench.model.insights.RunMetricsReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The figures shown as metric cards and copied as a table, defined once so that the cards and the copied table
 * always say the same thing.
 */
public final class MetricRows {

    /** One figure: its name and how to read it from a run's metrics ({@code "–"} where it does not apply). */
    public record Row(String name, Function<RunMetricsReport, String> value) {}

    /** Shown where a figure does not apply (no gold labels, no embeddings). */
    public static final String NONE = "–";

    private MetricRows() {}

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("samples", r -> String.valueOf(r.metrics().samples())));
        rows.add(new Row("tokens", r -> String.valueOf(r.metrics().lexical().tokens())));
        rows.add(new Row("vocabulary", r -> String.valueOf(r.metrics().lexical().vocabularySize())));
        for (int n = 1; n <= 3; n++) {
            int order = n;
            rows.add(new Row("distinct-" + n, r -> r.metrics().lexical().distinct().stream()
                    .filter(d -> d.n() == order)
                    .findFirst()
                    .map(DistinctN::value)
                    .map(MetricRows::format)
                    .orElse(NONE)));
        }
        rows.add(new Row(
                "self-BLEU",
                r -> r.metrics().selfBleu().value() == null
                        ? NONE
                        : format(r.metrics().selfBleu().value())
                                + (r.metrics().selfBleu().sampled()
                                        ? " (sample of "
                                                + r.metrics().selfBleu().scored() + ")"
                                        : "")));
        rows.add(new Row("mean words", r -> format(r.metrics().lengths().words().mean())));
        rows.add(new Row(
                "mean characters",
                r -> format(r.metrics().lengths().characters().mean())));
        rows.add(new Row(
                "mean similarity",
                r -> r.metrics().similarity() == null
                                || r.metrics().similarity().mean() == null
                        ? NONE
                        : format(r.metrics().similarity().mean())));
        gold(rows, "model", r -> r.metrics().gold());
        gold(rows, "researcher", RunMetricsReport::researcherAgreement);
        rows.add(new Row(
                "ECE (model)",
                r -> r.metrics().calibration() == null
                        ? NONE
                        : format(r.metrics().calibration().ece()) + " ("
                                + r.metrics().calibration().items() + " items)"));
        rows.add(new Row("judged", r -> judge(r, j -> j.judged() + " of " + j.samples())));
        rows.add(new Row("mean judge score", r -> judge(r, j -> j.mean() == null ? NONE : format(j.mean()))));
        rows.add(new Row(
                "passing the judge",
                r -> judge(
                        r,
                        j -> j.passingShare() == null
                                ? NONE
                                : format(j.passingShare()) + " (score ≥ " + plain(j.passMark()) + ")")));
        return rows;
    }

    private static String judge(RunMetricsReport report, Function<JudgeScores, String> value) {
        return report.judge() == null ? NONE : value.apply(report.judge());
    }

    private static void gold(List<Row> rows, String whose, Function<RunMetricsReport, GoldAgreement> agreement) {
        rows.add(new Row("accuracy (" + whose + ")", r -> orNone(agreement.apply(r), g -> format(g.accuracy()))));
        rows.add(new Row("macro-F1 (" + whose + ")", r -> orNone(agreement.apply(r), g -> format(g.macroF1()))));
        rows.add(new Row(
                "Cohen's κ (" + whose + ")",
                r -> orNone(agreement.apply(r), g -> g.cohensKappa() == null ? NONE : format(g.cohensKappa()))));
    }

    private static String orNone(GoldAgreement agreement, Function<GoldAgreement, String> value) {
        return agreement == null ? NONE : value.apply(agreement);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A number as short as it goes: "3", "2.5" (a judge's pass mark). */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The figures of every run as tab-separated text, one metric per line and one run per column, for pasting
     * into a spreadsheet.
     */
    public static String table(List<String> headings, List<RunMetricsReport> reports) {
        StringBuilder table = new StringBuilder("metric");
        headings.forEach(h -> table.append('\t').append(h));
        table.append('\n');
        for (Row row : rows()) {
            table.append(row.name());
            reports.forEach(r -> table.append('\t').append(row.value().apply(r)));
            table.append('\n');
        }
        return table.toString();
    }
}
