package io.siftbench.model.student;

import java.util.List;

/**
 * A trained student: multinomial logistic regression over standardised embedding dimensions. It answers each
 * label's probability for a vector; the labels are those it was trained on, in alphabetical order.
 */
public final class Student {

    private final List<String> labels;
    private final float[] mean;
    private final float[] scale;
    /** Label-major: the weights of label c are {@code weights[c*d .. c*d+d)}; then one bias per label. */
    private final float[] weights;

    Student(List<String> labels, float[] mean, float[] scale, float[] weights) {
        this.labels = List.copyOf(labels);
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    public List<String> labels() {
        return labels;
    }

    public int dimensions() {
        return mean.length;
    }

    /** Each label's probability for {@code vector}, in the order of {@link #labels()}; they sum to 1. */
    public double[] probabilities(float[] vector) {
        if (vector.length != mean.length) {
            throw new IllegalArgumentException("the student was trained on " + mean.length
                    + "-dimensional embeddings, not " + vector.length + "-dimensional ones");
        }
        float[] standardised = new float[mean.length];
        for (int j = 0; j < mean.length; j++) {
            standardised[j] = (vector[j] - mean[j]) * scale[j];
        }
        float[] logits = new float[labels.size()];
        Softmax.logits(weights, standardised, 0, mean.length, logits);
        Softmax.normalise(logits);
        double[] probabilities = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            probabilities[c] = logits[c];
        }
        return probabilities;
    }

    /** The most likely label for {@code vector}. */
    public String predict(float[] vector) {
        return labels.get(Softmax.argMax(probabilities(vector)));
    }
}
