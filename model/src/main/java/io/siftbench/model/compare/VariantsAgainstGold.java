package io.siftbench.model.compare;

import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.student.PairedComparison;
import io.siftbench.model.student.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Annotate variants scored against gold, paired: on the rows where both columns answered a record that has a gold
 * label, the accuracy of each and whether the second labels better, with McNemar's exact test and a paired bootstrap
 * interval ({@link PairedComparison}), so that "v2 is better than v1" comes with a p-value.
 *
 * @param first  the column compared against (Compare's first, the base run)
 * @param second the column compared
 */
public record VariantsAgainstGold(int first, int second, PairedComparison paired) {

    /**
     * Column {@code second} against column {@code first} of {@code rows}; empty when no row has both answered a
     * record with a gold label. A failed request is no answer; an answer without a label counts as wrong.
     *
     * @param gold the gold label of each record, by record id
     */
    public static Optional<VariantsAgainstGold> of(
            List<CompareRow> rows, int first, int second, Map<Long, String> gold, long seed) {
        List<LabelledText> test = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (CompareRow row : rows) {
            ReviewItem x = row.cell(first).orElse(null);
            ReviewItem y = row.cell(second).orElse(null);
            if (answered(x) && answered(y)) {
                Long record = x.sample().slot().recordId();
                String label = record == null ? null : gold.get(record);
                if (label != null && record.equals(y.sample().slot().recordId())) {
                    test.add(new LabelledText(record, "", label));
                    a.add(labelOf(x));
                    b.add(labelOf(y));
                }
            }
        }
        if (test.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VariantsAgainstGold(
                first,
                second,
                PairedComparison.of(Predictions.ofLabels(test, a), Predictions.ofLabels(test, b), seed)));
    }

    private static boolean answered(ReviewItem item) {
        return item != null && !item.sample().failed();
    }

    /** The label that counts (the researcher's where edited); none is no gold label's match. */
    private static String labelOf(ReviewItem item) {
        return item.label() == null ? "" : item.label();
    }

    /**
     * "prompt v2 better than prompt v1: +0.06 [+0.02, +0.10], McNemar p = 0.003 · accuracy 0.80 → 0.86 on 120
     * records", the columns named {@code firstName} and {@code secondName}; "(not significant)" after the p-value
     * when it is 0.05 or more, so that a chance difference does not read as a finding.
     */
    public String describe(String firstName, String secondName) {
        double d = paired.difference().value();
        return String.format(
                Locale.ROOT,
                "%s %s %s: %+.2f [%+.2f, %+.2f], McNemar p = %s%s · accuracy %.2f → %.2f on %d records",
                secondName,
                d > 0 ? "better than" : d < 0 ? "worse than" : "no different from",
                firstName,
                d,
                paired.difference().low(),
                paired.difference().high(),
                pValue(paired.pValue()),
                paired.significant() ? "" : " (not significant)",
                paired.accuracyA(),
                paired.accuracyB(),
                paired.items());
    }

    /** Three decimals, and below 0.001 as such: a p-value of 0.000 reads as certainty. */
    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
