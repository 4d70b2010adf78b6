package io.siftbench.model.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled texts with their embeddings, {@code vectors.get(i)} being the embedding of {@code items.get(i)}.
 */
public record EmbeddedTexts(List<LabelledText> items, List<float[]> vectors) {

    public EmbeddedTexts {
        items = List.copyOf(items);
        vectors = List.copyOf(vectors);
        if (items.size() != vectors.size()) {
            throw new IllegalArgumentException(items.size() + " texts but " + vectors.size() + " embeddings");
        }
    }

    public int size() {
        return items.size();
    }

    public List<String> labels() {
        return items.stream().map(LabelledText::label).toList();
    }

    /** The items at {@code indices}, in that order. */
    public EmbeddedTexts pick(List<Integer> indices) {
        List<LabelledText> pickedItems = new ArrayList<>(indices.size());
        List<float[]> pickedVectors = new ArrayList<>(indices.size());
        for (int i : indices) {
            pickedItems.add(items.get(i));
            pickedVectors.add(vectors.get(i));
        }
        return new EmbeddedTexts(pickedItems, pickedVectors);
    }

    /** A seeded random {@code fraction} of the items (at least one), in their original order. */
    public EmbeddedTexts sample(double fraction, long seed) {
        int n = size();
        int keep = Math.max(1, (int) Math.round(n * fraction));
        List<Integer> shuffled = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shuffled.add(i);
        }
        java.util.Collections.shuffle(shuffled, new Random(seed));
        List<Integer> kept = new ArrayList<>(shuffled.subList(0, keep));
        kept.sort(null);
        return pick(kept);
    }

    /** At most {@code perLabel} seeded random items of each label (all of a label that has fewer). */
    public EmbeddedTexts perLabel(int perLabel, long seed) {
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            shuffled.add(i);
        }
        java.util.Collections.shuffle(shuffled, new Random(seed));
        java.util.Map<String, Integer> taken = new java.util.HashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int i : shuffled) {
            String label = items.get(i).label();
            if (taken.merge(label, 1, Integer::sum) <= perLabel) {
                kept.add(i);
            }
        }
        kept.sort(null);
        return pick(kept);
    }

    /** A student trained on these items. */
    public Student train(StudentTrainer trainer) {
        return trainer.train(vectors, labels());
    }
}
