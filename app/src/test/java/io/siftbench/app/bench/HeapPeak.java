package io.siftbench.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' heap watch in a child JVM: the most heap in use (sampled every 20 ms, garbage included) and
 * the most left after a collection (the heap pools' collection usage), until {@link #close}.
 */
final class HeapPeak implements AutoCloseable {

    private final AtomicLong used = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Thread sampler = new Thread(this::sample, "heap-peak");

    HeapPeak() {
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            used.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long afterCollection = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterCollection += pool.getCollectionUsage().getUsed();
                }
            }
            live.accumulateAndGet(afterCollection, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** "heap: at most … MB used, at most … MB after a collection, of … MB". */
    String describe() {
        return String.format(
                Locale.ROOT,
                "heap: at most %.1f MB used, at most %.1f MB after a collection, of %d MB",
                used.get() / 1e6,
                live.get() / 1e6,
                Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
