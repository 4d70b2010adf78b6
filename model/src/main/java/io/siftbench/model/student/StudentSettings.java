package io.siftbench.model.student;

/**
 * How the student is trained: multinomial logistic regression on standardised embeddings, fitted by mini-batch
 * Adam with an L2 penalty on the weights (not the biases).
 *
 * @param epochs       passes over the training set
 * @param batchSize    samples per gradient step
 * @param learningRate Adam's step size
 * @param l2           the L2 penalty's weight
 * @param balanced     weights each sample by n / (labels × samples of its label), so rare labels count as much as
 *                     common ones (scikit-learn's {@code class_weight="balanced"})
 * @param seed         fixes the shuffling, the folds and the bootstrap: the same settings on the same data give the
 *                     same student and the same figures
 */
public record StudentSettings(int epochs, int batchSize, double learningRate, double l2, boolean balanced, long seed) {

    /**
     * Five epochs reach 0.924 accuracy on banking77's test file from its training file's MiniLM embeddings (ten:
     * 0.928), at half the time; see the README's student benchmark.
     */
    public static final StudentSettings DEFAULT = new StudentSettings(5, 32, 0.001, 1e-4, false, 42);

    public StudentSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("the student needs at least one epoch, was " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, was " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive, was " + learningRate);
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("the L2 penalty must not be negative, was " + l2);
        }
    }

    public StudentSettings withSeed(long newSeed) {
        return new StudentSettings(epochs, batchSize, learningRate, l2, balanced, newSeed);
    }

    public StudentSettings withBalanced(boolean newBalanced) {
        return new StudentSettings(epochs, batchSize, learningRate, l2, newBalanced, seed);
    }
}
