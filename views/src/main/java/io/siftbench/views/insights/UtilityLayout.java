package io.siftbench.views.insights;

import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.student.Estimate;
import io.siftbench.model.student.PairedComparison;
import io.siftbench.model.student.RunUtility;
import io.siftbench.model.student.StudentEvaluation;
import io.siftbench.model.student.UtilityReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Utility section shows of an evaluation, as text: the figures of each run, the paired comparison, and
 * the rows of its tables (per-label F1, the most confused pairs), defined once so that the screen and the copied
 * tables say the same thing. The view only builds the nodes for it.
 */
record UtilityLayout(UtilityViewModel.Evaluated evaluated) {

    /** One row of a table: its cells in column order, and how weak it is (rows sort by it, lowest first). */
    record Row(List<String> cells, double weakness) {}

    /** A table: its headings and its rows, weakest first. */
    record Table(List<String> headings, List<Row> rows) {

        /** Tab-separated, a line per row under the headings, for pasting into a spreadsheet. */
        String tsv() {
            StringBuilder text = new StringBuilder(String.join("\t", headings)).append('\n');
            rows.forEach(r -> text.append(String.join("\t", r.cells())).append('\n'));
            return text.toString();
        }
    }

    List<RunInfo> runs() {
        return evaluated.runs();
    }

    /** How a run is named in headings and legends. */
    static String named(RunInfo run) {
        return InsightsViewModel.MeasuredRun.named(run);
    }

    /** The figures of run {@code i}: the student, the few-shot baseline, the ceiling, and what each learnt from. */
    List<String> figures(int i) {
        RunUtility.Answer answer = evaluated.answers().get(i);
        UtilityReport report = answer.report();
        StudentEvaluation student = report.student();
        List<String> lines = new ArrayList<>();
        lines.add("accuracy " + student.accuracy() + " · macro-F1 " + student.macroF1());
        lines.add("trained on " + student.trainedOn() + " "
                + answer.question().trainOn().title() + ", tested on " + student.items() + " items of "
                + answer.question().testDataset());
        if (report.fewShot() != null) {
            lines.add("few-shot baseline (" + report.fewShotPerLabel() + " real per label, "
                    + report.fewShot().trainedOn() + " in all"
                    + (report.fewShotFromTest() ? ", taken from the test set" : "") + "): accuracy "
                    + report.fewShot().accuracy() + " · macro-F1 "
                    + report.fewShot().macroF1());
        }
        if (report.versusFewShot() != null) {
            lines.add("against the few-shot baseline: " + paired(report.versusFewShot(), "this run", "few-shot"));
        }
        lines.add(
                report.ceiling() == null
                        ? "no ceiling: choose a gold training set for it"
                        : "ceiling (" + report.ceiling().trainedOn() + " gold of "
                                + answer.question().goldDataset()
                                + "): accuracy " + report.ceiling().accuracy() + " · macro-F1 "
                                + report.ceiling().macroF1());
        lines.add("the student's own calibration on the test items: ECE "
                + MetricRows.format(report.reliability().expectedCalibrationError())
                + (answer.cached() ? " · read from the project" : ""));
        return lines;
    }

    /**
     * "B better than A: +0.060 [+0.020, +0.100], p = 0.003" (or "worse", or "no better", with "not significant"
     * when p ≥ 0.05).
     */
    static String paired(PairedComparison paired, String b, String a) {
        Estimate d = paired.difference();
        String how = d.value() > 0 ? " better than " : d.value() < 0 ? " worse than " : " no better than ";
        return b + how + a + ": " + signed(d.value()) + " [" + signed(d.low()) + ", " + signed(d.high()) + "], p = "
                + String.format(Locale.ROOT, paired.pValue() < 0.001 ? "%.1e" : "%.3f", paired.pValue())
                + (paired.significant() ? "" : " (not significant)") + " · " + paired.onlyB() + " items only " + b
                + " got right, " + paired.onlyA() + " only " + a;
    }

    /** The paired comparison of the second run against the first; empty for one run. */
    String comparison() {
        if (evaluated.comparison() == null) {
            return "";
        }
        return paired(evaluated.comparison().paired(), named(runs().get(1)), named(runs().get(0))) + " on the same "
                + evaluated.comparison().paired().items() + " test items";
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    /**
     * Each test label's F1: for one run with its interval and support; for two, each run's F1 and the change, so
     * that the next round shows what it closed. Weakest first (by the first run's F1).
     */
    Table labels() {
        List<StudentEvaluation> students =
                evaluated.answers().stream().map(a -> a.report().student()).toList();
        List<String> headings = new ArrayList<>(List.of("label"));
        if (students.size() == 1) {
            headings.addAll(List.of("F1", "95% interval", "test items"));
        } else {
            runs().forEach(r -> headings.add("F1 " + named(r)));
            headings.add("change");
        }
        Set<String> labels = new LinkedHashSet<>();
        students.forEach(s -> s.labels().forEach(l -> labels.add(l.label())));
        List<Row> rows = new ArrayList<>();
        for (String label : labels) {
            List<String> cells = new ArrayList<>(List.of(label));
            List<Double> f1 = students.stream()
                    .map(s -> s.label(label).map(l -> l.f1().value()).orElse(Double.NaN))
                    .toList();
            if (students.size() == 1) {
                StudentEvaluation.LabelF1 one = students.get(0).label(label).orElseThrow();
                cells.add(MetricRows.format(one.f1().value()));
                cells.add("[" + MetricRows.format(one.f1().low()) + ", "
                        + MetricRows.format(one.f1().high()) + "]");
                cells.add(String.valueOf(one.support()));
            } else {
                f1.forEach(v -> cells.add(Double.isNaN(v) ? MetricRows.NONE : MetricRows.format(v)));
                double change = f1.get(f1.size() - 1) - f1.get(0);
                cells.add(Double.isNaN(change) ? MetricRows.NONE : signed(change));
            }
            rows.add(new Row(cells, Double.isNaN(f1.get(0)) ? 0 : f1.get(0)));
        }
        rows.sort(Comparator.comparingDouble(Row::weakness)
                .thenComparing(r -> r.cells().get(0)));
        return new Table(headings, rows);
    }

    /** The pairs each run's student confuses most, with the count's interval. */
    Table confusedPairs() {
        List<String> headings = new ArrayList<>(List.of("gold", "student", "items", "95% interval"));
        boolean several = runs().size() > 1;
        if (several) {
            headings.add(0, "run");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < runs().size(); i++) {
            for (StudentEvaluation.PairCount pair :
                    evaluated.answers().get(i).report().student().mostConfused()) {
                List<String> cells = new ArrayList<>(List.of(
                        pair.gold(),
                        pair.predicted(),
                        String.valueOf(pair.count()),
                        "[" + MetricRows.plain(pair.interval().low()) + ", "
                                + MetricRows.plain(pair.interval().high()) + "]"));
                if (several) {
                    cells.add(0, named(runs().get(i)));
                }
                rows.add(new Row(cells, -pair.count()));
            }
        }
        return new Table(headings, rows);
    }
}
