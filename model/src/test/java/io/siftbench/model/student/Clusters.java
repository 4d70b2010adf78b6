package io.siftbench.model.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Well-separated synthetic clusters for the student's tests: label {@code c} is a Gaussian of spread 0.35 around a
 * random centre (each coordinate drawn from N(0, 1)), like texts of one intent around their mean embedding; the
 * centres lie about √(2d) apart, so any sound classifier tells the labels apart.
 */
final class Clusters {

    private Clusters() {}

    /** {@code perLabel} texts of each of {@code labels} labels "l0", "l1", …, label by label, ids from 1. */
    static EmbeddedTexts of(int labels, int perLabel, int dimensions, long seed) {
        Random random = new Random(seed);
        List<LabelledText> items = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int c = 0; c < labels; c++) {
            double[] centre = new double[dimensions];
            for (int j = 0; j < dimensions; j++) {
                centre[j] = random.nextGaussian();
            }
            for (int i = 0; i < perLabel; i++) {
                float[] v = new float[dimensions];
                for (int j = 0; j < dimensions; j++) {
                    v[j] = (float) (centre[j] + 0.35 * random.nextGaussian());
                }
                items.add(new LabelledText(items.size() + 1, "text " + items.size(), "l" + c));
                vectors.add(v);
            }
        }
        return new EmbeddedTexts(items, vectors);
    }

    /** {@code texts} with the label of each item at {@code indices} changed to the next label ("l3" to "l0"). */
    static EmbeddedTexts flipped(EmbeddedTexts texts, int labels, List<Integer> indices) {
        List<LabelledText> items = new ArrayList<>(texts.items());
        for (int i : indices) {
            LabelledText item = items.get(i);
            int label = Integer.parseInt(item.label().substring(1));
            items.set(i, new LabelledText(item.id(), item.text(), "l" + (label + 1) % labels));
        }
        return new EmbeddedTexts(items, texts.vectors());
    }
}
