package io.siftbench.model.compare;

import io.siftbench.model.datasets.AnsweredRecords;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The own text of each record the compared runs answered, from the text column marked at import: what a row of
 * Compare shows as its input, instead of the whole prompt (demonstrations and all) the record was buried in.
 */
public final class RecordTexts {

    private RecordTexts() {}

    /**
     * Reads the texts of the records {@code variants} answered, one read per run; {@code runs} are the
     * variants' runs, in the same order. A record of a dataset without a text column has none.
     */
    public static Map<Long, String> of(DatasetStore datasets, List<RunInfo> runs, List<List<ReviewItem>> variants) {
        Map<Long, String> texts = new HashMap<>();
        for (int v = 0; v < runs.size(); v++) {
            Set<Long> ids = new LinkedHashSet<>();
            for (ReviewItem item : variants.get(v)) {
                Long id = item.sample().slot().recordId();
                if (id != null && !texts.containsKey(id)) {
                    ids.add(id);
                }
            }
            if (!ids.isEmpty()) {
                AnsweredRecords.read(datasets, runs.get(v).config().datasetId(), ids)
                        .ifPresent(records -> ids.forEach(id -> {
                            String text = records.text(id);
                            if (text != null) {
                                texts.put(id, text);
                            }
                        }));
            }
        }
        return texts;
    }
}
