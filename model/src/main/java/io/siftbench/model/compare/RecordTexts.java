package io.siftbench.model.compare;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The own text of each record the compared runs answered, from the text column marked at import: what a row of
 * Compare shows as its input, instead of the whole prompt (demonstrations and all) the record was buried in.
 */
public final class RecordTexts {

    private RecordTexts() {}

    /**
     * Reads the texts of the records {@code variants} answered, one read per dataset; {@code runs} are the
     * variants' runs, in the same order. A record of a dataset without a text column has none.
     */
    public static Map<Long, String> of(DatasetStore datasets, List<RunInfo> runs, List<List<ReviewItem>> variants) {
        List<DatasetInfo> all = datasets.list();
        Map<Long, String> texts = new HashMap<>();
        for (int v = 0; v < runs.size(); v++) {
            Long datasetId = runs.get(v).config().datasetId();
            Optional<DatasetInfo> dataset =
                    all.stream().filter(d -> Objects.equals(d.id(), datasetId)).findFirst();
            if (dataset.isEmpty() || dataset.get().textColumn() == null) {
                continue;
            }
            Set<Long> ids = new LinkedHashSet<>();
            for (ReviewItem item : variants.get(v)) {
                Long id = item.sample().slot().recordId();
                if (id != null && !texts.containsKey(id)) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            for (DatasetRecord r : datasets.records(dataset.get().id(), new ArrayList<>(ids))) {
                Object text = r.values().get(dataset.get().textColumn());
                if (text != null) {
                    texts.put(r.id(), text.toString());
                }
            }
        }
        return texts;
    }
}
