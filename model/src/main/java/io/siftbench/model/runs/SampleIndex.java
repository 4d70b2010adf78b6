package io.siftbench.model.runs;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sample ids, each with a number (its place in a queue, in a file): a lookup that costs 12 bytes an id, where a
 * {@code HashMap<Long, Integer>} costs about 70, which decides whether a run of a million samples fits in the heap.
 */
public final class SampleIndex {

    private final long[] ids;
    private final int[] values;

    private SampleIndex(long[] ids, int[] values) {
        this.ids = ids;
        this.values = values;
    }

    /** The number given with {@code sampleId}, or -1 when it was not given. */
    public int find(long sampleId) {
        int at = Arrays.binarySearch(ids, sampleId);
        return at < 0 ? -1 : values[at];
    }

    public int size() {
        return ids.length;
    }

    /** Takes the ids in any order; each id once. */
    public static final class Builder {
        private long[] ids;
        private int[] values;
        private int size;

        public Builder() {
            this(16);
        }

        /** A builder with room for {@code expected} ids, which a large one does not copy as it grows. */
        public Builder(int expected) {
            ids = new long[Math.max(1, expected)];
            values = new int[Math.max(1, expected)];
        }

        public Builder add(long id, int value) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            ids[size] = id;
            values[size] = value;
            size++;
            return this;
        }

        public SampleIndex build() {
            if (ascending(ids, size)) {
                // The usual case: a run's ids rise with its ordinals; a builder made to size is not copied.
                return size == ids.length
                        ? new SampleIndex(ids, values)
                        : new SampleIndex(Arrays.copyOf(ids, size), Arrays.copyOf(values, size));
            }
            long[] sortedIds = new long[size];
            int[] sortedValues = new int[size];
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
            for (int i = 0; i < size; i++) {
                sortedIds[i] = ids[order[i]];
                sortedValues[i] = values[order[i]];
            }
            return new SampleIndex(sortedIds, sortedValues);
        }

        private static boolean ascending(long[] values, int size) {
            for (int i = 1; i < size; i++) {
                if (values[i - 1] >= values[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
