package io.siftbench.model.embeddings;

import java.util.List;

/**
 * Embeddings scaled to unit length and kept as the rows of one contiguous array, for comparing many pairs: a row's
 * floats sit next to each other in memory and no per-vector object is followed.
 *
 * <p>{@link #similarAtLeast} decides a pair exactly as comparing {@link #cosine} with the threshold would, but
 * most pairs far below the threshold are dismissed after a fraction of the dimensions: the dot product so far plus
 * the product of the lengths of the parts of both rows not yet seen (Cauchy–Schwarz) bounds the whole, so once
 * that bound is below the threshold, by more than the rounding of the quick float sums, the rest cannot bring the
 * pair up to it. Pairs the bound cannot dismiss get the exact dot product.
 */
public final class UnitMatrix {

    /** Dimensions summed between two bound checks: long enough to amortise a check, short enough to stop early. */
    private static final int STAGE = 64;

    private final float[] values;
    private final int rows;
    private final int dimension;
    private final int stages;
    /** Per row and stage, the length of the row's part after that stage (0 after the last). */
    private final double[] remainingLengths;

    private final double roundingMargin;

    private UnitMatrix(float[] values, int rows, int dimension) {
        this.values = values;
        this.rows = rows;
        this.dimension = dimension;
        this.stages = Math.max(1, (dimension + STAGE - 1) / STAGE);
        this.remainingLengths = new double[rows * stages];
        for (int row = 0; row < rows; row++) {
            for (int stage = 0; stage < stages; stage++) {
                int from = Math.min(dimension, (stage + 1) * STAGE);
                remainingLengths[row * stages + stage] = Vectors.norm(values, row * dimension + from, dimension - from);
            }
        }
        this.roundingMargin = Vectors.quickDotError(dimension);
    }

    /** The unit vectors of {@code vectors} (as {@link Vectors#unit} makes them), in order; all of one size. */
    public static UnitMatrix of(List<float[]> vectors) {
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        float[] values = new float[vectors.size() * dimension];
        for (int row = 0; row < vectors.size(); row++) {
            float[] vector = vectors.get(row);
            Vectors.requireSameLength(dimension, vector.length);
            System.arraycopy(Vectors.unit(vector), 0, values, row * dimension, dimension);
        }
        return new UnitMatrix(values, vectors.size(), dimension);
    }

    public int rows() {
        return rows;
    }

    /** The cosine of rows {@code a} and {@code b}: the same value as {@link Vectors#dot} of the two unit vectors. */
    public double cosine(int a, int b) {
        return Vectors.dot(values, a * dimension, values, b * dimension, dimension);
    }

    /** Whether {@code cosine(a, b) >= threshold}, usually without computing it (see the class comment). */
    public boolean similarAtLeast(int a, int b, double threshold) {
        double limit = threshold - roundingMargin;
        int aFrom = a * dimension;
        int bFrom = b * dimension;
        double sum = 0;
        for (int stage = 0; stage < stages; stage++) {
            int from = stage * STAGE;
            sum += Vectors.quickDot(values, aFrom + from, values, bFrom + from, Math.min(STAGE, dimension - from));
            // Written so that NaN falls through to the exact comparison, which then decides as it always did.
            if (sum + remainingLengths[a * stages + stage] * remainingLengths[b * stages + stage] < limit) {
                return false;
            }
        }
        return cosine(a, b) >= threshold;
    }
}
