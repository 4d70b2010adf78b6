package io.siftbench.model.review;

import io.siftbench.model.runs.SampleIndex;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The samples under review, in the chosen order and through the chosen filter, with a position and the
 * running counts of the progress bar. Filter and order are applied when the queue is built; a decision
 * changes its item in place, so a sample never jumps away while the researcher works through the queue.
 *
 * <p>A queue holds a {@link QueueEntry} of about 70 bytes a sample and keeps the texts in a temporary file
 * ({@link QueueTexts}), so that a run of a million samples is reviewed in a heap of 256 MB; {@link #get} puts an
 * item together when the screens ask for it. Not thread-safe: one thread (the UI thread) owns it once built, and
 * every change is O(1) or a binary search.
 */
public final class ReviewQueue {

    private final List<QueueEntry> entries;
    private final QueueTexts texts;
    /** Sample id → its place in {@link #entries}. */
    private final SampleIndex places;
    /** Sample id → where its text is, for every sample read, in the queue or filtered out. */
    private final SampleIndex textOf;

    private int position;
    private int decided;
    private int kept;

    public ReviewQueue(List<ReviewItem> all, QueueOrder order, long seed, QueueFilter filter) {
        this(builderOf(all), order, seed, filter);
    }

    private ReviewQueue(Builder read, QueueOrder order, long seed, QueueFilter filter) {
        List<QueueEntry> chosen = new ArrayList<>();
        for (QueueEntry entry : read.entries) {
            if (filter.test(entry.state(), entry.conditions(), entry.label(), entry.flags(), entry.runId())) {
                chosen.add(entry);
            }
        }
        order.sort(chosen, seed);
        this.entries = chosen;
        this.texts = read.texts;
        this.textOf = read.textIndex();
        SampleIndex.Builder index = new SampleIndex.Builder(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            index.add(entries.get(i).sampleId(), i);
            count(entries.get(i), 1);
        }
        this.places = index.build();
    }

    private static Builder builderOf(List<ReviewItem> all) {
        Builder builder = new Builder();
        all.forEach(item -> builder.add(item, null));
        return builder;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The item at {@code index}, put together from the queue's entry and its text. */
    public ReviewItem get(int index) {
        return entries.get(index).item(texts);
    }

    /** The items in the queue's order, each put together when asked for; changes with the queue. */
    public List<ReviewItem> items() {
        return itemsOf(entries, texts);
    }

    /** A view of {@code entries} as items, none made before it is asked for. */
    private static List<ReviewItem> itemsOf(List<QueueEntry> entries, QueueTexts texts) {
        return new AbstractList<>() {
            @Override
            public ReviewItem get(int index) {
                return entries.get(index).item(texts);
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    /**
     * The text of sample {@code sampleId} as the metrics read it, for any sample of the run read (in the queue or
     * filtered out): the model's own text, or an annotated record's; null when the queue was given none for it.
     */
    public String measuredText(long sampleId) {
        int at = textOf.find(sampleId);
        return at < 0 ? null : texts.text(at);
    }

    /** The index of the current item; {@link #size()} once the researcher went past the last one. */
    public int position() {
        return position;
    }

    public Optional<ReviewItem> current() {
        return position < entries.size() ? Optional.of(get(position)) : Optional.empty();
    }

    public void moveTo(int index) {
        position = Math.max(0, Math.min(index, entries.size()));
    }

    /** Moves to {@code sampleId} if it is in the queue; returns whether it is. */
    public boolean moveToSample(long sampleId) {
        int index = places.find(sampleId);
        if (index >= 0) {
            position = index;
        }
        return index >= 0;
    }

    public void next() {
        moveTo(position + 1);
    }

    public Optional<Integer> indexOf(long sampleId) {
        int index = places.find(sampleId);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** Puts {@code decision} (null: none counts any more) on its sample's item, if that is in the queue. */
    public void update(long sampleId, Decision decision) {
        int index = places.find(sampleId);
        if (index < 0) {
            return;
        }
        count(entries.get(index), -1);
        QueueEntry now = entries.get(index).withDecision(decision);
        entries.set(index, now);
        count(now, 1);
    }

    /** Accepted, edited or rejected: skipped samples still wait for a decision. */
    public int decided() {
        return decided;
    }

    /** The share of decided samples that were kept (accepted or edited), 0 before the first decision. */
    public double acceptRate() {
        return decided == 0 ? 0 : (double) kept / decided;
    }

    private void count(QueueEntry entry, int sign) {
        Decision d = entry.decision();
        if (d != null && d.status().decided()) {
            decided += sign;
            if (d.status().kept()) {
                kept += sign;
            }
        }
    }

    /**
     * A queue read a page at a time: each item is kept as an entry, its text in the queue's file; the curation flags
     * come once every item is in, and an order the queue cannot make itself (the embeddings', the student's) is
     * given as the items arranged.
     */
    public static final class Builder {
        private final List<QueueEntry> entries;
        private final QueueTexts texts;
        /** One copy of each map, label and list the samples share: a million samples have a few of each. */
        private final Map<Object, Object> shared = new HashMap<>();

        private final Map<List<String>, Double> entropies = new HashMap<>();

        public Builder() {
            this(16);
        }

        /** @param expected about how many items will come (a run's count): a large queue's arrays are made once */
        public Builder(int expected) {
            entries = new ArrayList<>(Math.max(16, expected));
            texts = new QueueTexts(expected);
        }

        /**
         * Keeps {@code item}, without what the card reads by id (prompt, raw output, provenance), and its text:
         * the sample's own, or else {@code recordText} (an annotated record's text, which the table shows).
         */
        public Builder add(ReviewItem item, String recordText) {
            var s = item.sample();
            boolean own = s.text() != null;
            int text = texts.add(own ? s.text() : recordText);
            List<String> votes = shared(s.votes());
            double entropy = entropies.computeIfAbsent(votes, v -> item.voteEntropy());
            entries.add(new QueueEntry(
                    s.id(),
                    s.runId(),
                    s.slot().ordinal(),
                    shared(s.conditions()),
                    shared(s.label()),
                    s.confidence() == null ? Float.NaN : s.confidence().floatValue(),
                    votes,
                    (float) entropy,
                    s.valid(),
                    shared(s.error()),
                    own,
                    text,
                    item.decision(),
                    shared(item.flags())));
            return this;
        }

        /** How many items are in. */
        public int size() {
            return entries.size();
        }

        /** Adds to each item the flags raised on it (sample id → flags, as the card shows them). */
        public Builder flag(Map<Long, List<String>> raised) {
            if (raised.isEmpty()) {
                return this;
            }
            for (int i = 0; i < entries.size(); i++) {
                List<String> added = raised.get(entries.get(i).sampleId());
                if (added != null) {
                    List<String> flags = new ArrayList<>(entries.get(i).flags());
                    flags.addAll(added);
                    entries.set(i, entries.get(i).withFlags(List.copyOf(flags)));
                }
            }
            return this;
        }

        /** The items as read, each put together on demand (for an order arranged outside the queue). */
        public List<ReviewItem> items() {
            return itemsOf(entries, texts);
        }

        /** Puts the items in the order of {@code arranged} (the same samples, arranged by an order of its own). */
        public Builder arrange(List<ReviewItem> arranged) {
            SampleIndex.Builder places = new SampleIndex.Builder(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                places.add(entries.get(i).sampleId(), i);
            }
            SampleIndex at = places.build();
            List<QueueEntry> now = new ArrayList<>(entries.size());
            for (ReviewItem item : arranged) {
                now.add(entries.get(at.find(item.sampleId())));
            }
            entries.clear();
            entries.addAll(now);
            return this;
        }

        public ReviewQueue build(QueueOrder order, long seed, QueueFilter filter) {
            return new ReviewQueue(this, order, seed, filter);
        }

        /** Sample id → its entry's place as read, which is where its text is. */
        private SampleIndex textIndex() {
            SampleIndex.Builder index = new SampleIndex.Builder(entries.size());
            for (QueueEntry entry : entries) {
                index.add(entry.sampleId(), entry.text());
            }
            return index.build();
        }

        @SuppressWarnings("unchecked")
        private <T> T shared(T value) {
            return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
        }
    }
}
