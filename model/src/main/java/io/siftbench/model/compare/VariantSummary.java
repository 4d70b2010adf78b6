package io.siftbench.model.compare;

import io.siftbench.model.insights.LabelDistribution;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.ReviewItem;
import java.util.List;

/**
 * The header of one variant's column: accept rate so far, mean output length, label distribution and
 * failures, computed from the same items the column shows.
 *
 * @param samples    how many samples the variant has
 * @param decided    how many were accepted, edited or rejected
 * @param acceptRate kept (accepted or edited) out of decided, 0 before the first decision
 * @param meanLength mean length of the output in characters
 * @param labels     the labels that count (edited where edited), most frequent first
 * @param failures   requests that failed
 */
public record VariantSummary(
        int samples, int decided, double acceptRate, double meanLength, LabelDistribution labels, long failures) {

    public static VariantSummary of(List<ReviewItem> items) {
        int decided = 0;
        int kept = 0;
        long characters = 0;
        long failures = 0;
        for (ReviewItem item : items) {
            Decision d = item.decision();
            if (d != null && d.status().decided()) {
                decided++;
                kept += d.status().kept() ? 1 : 0;
            }
            String output = item.text() != null ? item.text() : item.sample().rawOutput();
            characters += output == null ? 0 : output.codePointCount(0, output.length());
            failures += item.sample().failed() ? 1 : 0;
        }
        LabelDistribution labels = LabelDistribution.of(items.stream()
                .map(i -> SampleText.of(i.sampleId(), i.text()).withLabel(i.label()))
                .toList());
        return new VariantSummary(
                items.size(),
                decided,
                decided == 0 ? 0 : (double) kept / decided,
                items.isEmpty() ? 0 : (double) characters / items.size(),
                labels,
                failures);
    }
}
