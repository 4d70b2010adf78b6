package io.siftbench.model.runs;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys of a run's done slots, read once when the run starts or resumes. An annotate run's keys
 * ({@code record=N}, {@link RunPlanner#recordKey}) are held as sorted longs, 8 bytes a key where a set of strings
 * takes about 80: a million-record run resumed near its end would otherwise hold 80 MB to know what is left.
 * Any other key is held as it is.
 */
public final class SlotKeys extends AbstractSet<String> {

    private static final String RECORD = RunPlanner.RECORD_KEY;

    private final long[] records;
    private final Set<String> others;

    private SlotKeys(long[] records, Set<String> others) {
        this.records = records;
        this.others = others;
    }

    /** Gathers keys one at a time, as a query reads them. */
    public static final class Builder {
        private long[] records = new long[64];
        private int n;
        private final Set<String> others = new HashSet<>();

        public Builder add(String key) {
            long id = recordId(key);
            if (id < 0) {
                others.add(key);
            } else {
                if (n == records.length) {
                    records = Arrays.copyOf(records, n * 2);
                }
                records[n++] = id;
            }
            return this;
        }

        public SlotKeys build() {
            long[] sorted = Arrays.copyOf(records, n);
            Arrays.sort(sorted);
            return new SlotKeys(sorted, Set.copyOf(others));
        }
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String key)) {
            return false;
        }
        long id = recordId(key);
        return id < 0 ? others.contains(key) : Arrays.binarySearch(records, id) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
        return Stream.concat(Arrays.stream(records).mapToObj(RunPlanner::recordKey), others.stream())
                .iterator();
    }

    @Override
    public int size() {
        return records.length + others.size();
    }

    /**
     * The record of an annotate slot's key, or -1 for any other key: one {@link RunPlanner#recordKey} makes, digits
     * with no leading zero, so that the key made back from the id is the same string.
     */
    private static long recordId(String key) {
        int digits = key.length() - RECORD.length();
        if (!key.startsWith(RECORD)
                || digits < 1
                || digits > 18
                || (digits > 1 && key.charAt(RECORD.length()) == '0')) {
            return -1;
        }
        long id = 0;
        for (int i = RECORD.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }
}
