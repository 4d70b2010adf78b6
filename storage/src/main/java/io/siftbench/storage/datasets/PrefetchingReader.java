package io.siftbench.storage.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Reads ahead on a thread of its own, so that parsing the file and writing to H2 use both cores. Records
 * travel in batches through a short queue, which bounds the memory it takes; a bad row or a failure reaches
 * the caller at the same place in the sequence where the plain reader would have thrown it.
 */
final class PrefetchingReader implements RecordReader {

    private static final int BATCH = 1000;
    private static final int BATCHES_AHEAD = 4;
    /** Marks the end of the file in the queue. */
    private static final List<Object> END = List.of();

    private final RecordReader reader;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long bytesRead;
    private List<Object> batch = new ArrayList<>();
    private int next;
    private boolean ended;

    PrefetchingReader(RecordReader reader) {
        this.reader = reader;
        this.thread = new Thread(this::readAhead, "siftbench-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAhead() {
        List<Object> filling = new ArrayList<>(BATCH);
        try {
            while (!stopped) {
                Object item;
                boolean last = false;
                try {
                    item = reader.next();
                    last = item == null;
                } catch (BadRowException e) {
                    item = e;
                } catch (RuntimeException e) {
                    item = e;
                    last = true;
                }
                if (item != null) {
                    filling.add(item);
                }
                if (last || filling.size() == BATCH) {
                    bytesRead = reader.bytesRead();
                    put(filling);
                    filling = new ArrayList<>(BATCH);
                    if (last) {
                        put(END);
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<Object> items) throws InterruptedException {
        while (!stopped && !queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
            // The consumer is busy writing; wait for room, or for close().
        }
    }

    @Override
    public List<String> columns() {
        return reader.columns();
    }

    @Override
    public String unit() {
        return reader.unit();
    }

    @Override
    public RawRow next() {
        while (next == batch.size()) {
            if (ended) {
                return null;
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("The import was interrupted.");
            }
            next = 0;
            ended = batch == END;
        }
        Object item = batch.get(next++);
        if (item instanceof RuntimeException e) {
            throw e;
        }
        return (RawRow) item;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
