package io.siftbench.model.runs;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Makes a run's missing slots on a thread of its own, a few pages ahead of the workers, and hands them out: the
 * workers never wait on reading a page of records or rendering (a similar-demonstrations strategy embeds each
 * record), and at most {@link #AHEAD} slots are held.
 */
final class SlotFeed implements AutoCloseable {

    /** Two of {@link AnnotatePlan}'s pages: one being handed out while the next is read. */
    static final int AHEAD = 2 * AnnotatePlan.PAGE;

    private static final Slot END = new Slot("", -1, null, Map.of(), List.of(), List.of());

    private final BlockingQueue<Slot> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread maker;
    private volatile RuntimeException failure;
    private volatile boolean ended;

    SlotFeed(Iterator<Slot> slots, String name) {
        maker = new Thread(() -> make(slots), name);
        maker.setDaemon(true);
        maker.start();
    }

    private void make(Iterator<Slot> slots) {
        try {
            while (slots.hasNext()) {
                queue.put(slots.next());
            }
        } catch (InterruptedException e) {
            return; // closed: nobody takes any more
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("Making the run's next slot failed: " + e, e);
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next slot, waiting until it is made; null once every slot has been handed out.
     *
     * @throws RuntimeException what making a slot failed with (a record gone, a template that cannot render)
     */
    Slot next() throws InterruptedException {
        Slot slot = queue.take();
        if (slot != END) {
            return slot;
        }
        queue.offer(END); // for the other workers: room is left, the end being the last slot put
        if (failure != null) {
            throw failure;
        }
        ended = true;
        return null;
    }

    /** Whether every slot was made and handed out. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        maker.interrupt();
    }
}
