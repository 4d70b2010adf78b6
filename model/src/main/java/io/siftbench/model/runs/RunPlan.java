package io.siftbench.model.runs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

/**
 * Every slot of a run, fixed by the seed before anything is sent: how many there are and each one's key, while
 * a slot's messages may be rendered only when it is about to be sent. An annotate run's plan
 * ({@link AnnotatePlan}) holds just its records' ids, so a million-record run starts in bounded memory; the other
 * modes' plans, as big as the samples they read, hold their slots ({@link #of}).
 */
public interface RunPlan {

    /** How many slots the run has, done or not. */
    int size();

    /** The key of the slot at {@code ordinal}, without rendering it. */
    String key(int ordinal);

    /**
     * The slots at {@code ordinals} (in increasing order), each made when the iterator reaches it. The iterator is
     * for one thread; {@link RunEngine} reads it ahead of its workers.
     */
    Iterator<Slot> slots(PrimitiveIterator.OfInt ordinals);

    /** Every slot, made now: for the few slots of a preview. */
    default List<Slot> slots() {
        List<Slot> all = new ArrayList<>(size());
        slots(IntStream.range(0, size()).iterator()).forEachRemaining(all::add);
        return all;
    }

    /** A plan of slots already made. */
    static RunPlan of(List<Slot> slots) {
        List<Slot> fixed = List.copyOf(slots);
        return new RunPlan() {
            @Override
            public int size() {
                return fixed.size();
            }

            @Override
            public String key(int ordinal) {
                return fixed.get(ordinal).key();
            }

            @Override
            public Iterator<Slot> slots(PrimitiveIterator.OfInt ordinals) {
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return ordinals.hasNext();
                    }

                    @Override
                    public Slot next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return fixed.get(ordinals.nextInt());
                    }
                };
            }

            @Override
            public List<Slot> slots() {
                return fixed;
            }
        };
    }
}
