package io.siftbench.views.datasets;

import io.siftbench.model.datasets.DatasetPage;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The records of a dataset as a list of its full size whose pages are fetched in the background only when
 * a row of theirs is asked for, as a TableView does for the rows it shows. A row not yet fetched is
 * {@code null} (an empty row) until its page arrives; a bounded cache keeps memory flat at any size.
 */
final class PagedRecords extends ObservableListBase<DatasetRecord> {

    /** Fetches {@code limit} records from position {@code offset}; runs on a background thread. */
    @FunctionalInterface
    interface PageSource {
        DatasetPage fetch(long offset, int limit);
    }

    static final int PAGE = 100;
    private static final int CACHED_PAGES = 64;

    private final int size;
    private final PageSource source;
    private final TaskExecutor tasks;
    private final Runnable onPageArrived;
    private List<DatasetRecord> lastArrived = List.of();
    private final Set<Long> loading = new HashSet<>();
    private final Map<Long, List<DatasetRecord>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<DatasetRecord>> eldest) {
            return size() > CACHED_PAGES;
        }
    };

    /**
     * @param size          how many records the query matches (a TableView needs an int; more rows than
     *                      that cannot be scrolled to anyway)
     * @param onPageArrived called on the UI thread once a page has arrived, so the view can redraw
     */
    PagedRecords(long size, PageSource source, TaskExecutor tasks, Runnable onPageArrived) {
        this.size = (int) Math.min(Integer.MAX_VALUE, size);
        this.source = source;
        this.tasks = tasks;
        this.onPageArrived = onPageArrived;
    }

    @Override
    public DatasetRecord get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long page = index / PAGE;
        List<DatasetRecord> records = pages.get(page);
        if (records == null) {
            request(page);
            records = pages.get(page);
        }
        int at = index % PAGE;
        return records != null && at < records.size() ? records.get(at) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** The records of the page that arrived last, for the view to fit its columns to what it now shows. */
    List<DatasetRecord> lastArrived() {
        return lastArrived;
    }

    /** How many pages are held now; never more than the cache allows, whatever the dataset's size. */
    int cachedPages() {
        return pages.size();
    }

    private void request(long page) {
        if (!loading.add(page)) {
            return;
        }
        tasks.execute(BackgroundTask.of("Reading records", progress -> source.fetch(page * PAGE, PAGE))
                .quiet()
                .onSuccess(result -> {
                    loading.remove(page);
                    pages.put(page, result.records());
                    lastArrived = result.records();
                    onPageArrived.run();
                })
                .onFailure(error -> loading.remove(page)));
    }
}
