package io.siftbench.model.compare;

import io.siftbench.model.review.ReviewItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One row of Compare: the input shown once, and each variant's sample for it (empty where a variant has none).
 *
 * @param key   what aligns the row: {@code record 12}, or a condition combination and its occurrence
 * @param input the input as the researcher reads it: the record as sent, or the condition values
 * @param cells one per variant, in the variants' order; null where the variant has no sample for this input
 */
public record CompareRow(String key, String input, List<ReviewItem> cells) {

    public CompareRow {
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    public Optional<ReviewItem> cell(int variant) {
        return Optional.ofNullable(cells.get(variant));
    }

    public CompareRow withCell(int variant, ReviewItem item) {
        List<ReviewItem> now = new ArrayList<>(cells);
        now.set(variant, item);
        return new CompareRow(key, input, now);
    }
}
