package io.siftbench.model.student;

/** The arithmetic the trainer and the trained student share: logits of one sample, and their softmax. */
final class Softmax {

    private Softmax() {}

    /**
     * {@code logits[c] = bias[c] + Σ_j x[offset + j] · w[c·d + j]}. Four running sums per label let the CPU
     * overlap the multiplications; the student spends most of its training time here.
     */
    static void logits(float[] w, float[] x, int offset, int d, float[] logits) {
        int k = logits.length;
        int biases = k * d;
        int even = d & ~3;
        for (int c = 0; c < k; c++) {
            int row = c * d;
            float a0 = 0;
            float a1 = 0;
            float a2 = 0;
            float a3 = 0;
            int j = 0;
            for (; j < even; j += 4) {
                a0 += x[offset + j] * w[row + j];
                a1 += x[offset + j + 1] * w[row + j + 1];
                a2 += x[offset + j + 2] * w[row + j + 2];
                a3 += x[offset + j + 3] * w[row + j + 3];
            }
            for (; j < d; j++) {
                a0 += x[offset + j] * w[row + j];
            }
            logits[c] = w[biases + c] + (a0 + a1) + (a2 + a3);
        }
    }

    /** Turns logits into probabilities in place, shifted by their maximum so that no exponential overflows. */
    static void normalise(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        float sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = (float) Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
    }

    /** The index of the largest value; the first of equal ones. */
    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
