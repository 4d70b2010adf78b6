package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A 2-D map of the samples' embeddings by principal component analysis: each sample's centred embedding is
 * projected on the two directions of largest variance. The components are found by power iteration on the
 * covariance (C·v computed as Xᵀ(X·v)/n, never forming C), the second one kept orthogonal to the first.
 * Each component's sign is chosen so that its largest-magnitude coordinate is positive, making the map
 * the same from run to run.
 *
 * @param points            one point per sample that has an embedding, in the samples' order
 * @param explainedVariance the share of the total variance along x and along y
 */
public record EmbeddingMap(List<MapPoint> points, double[] explainedVariance) {

    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-10;
    private static final long SEED = 7;

    public EmbeddingMap {
        points = List.copyOf(points);
        explainedVariance = explainedVariance.clone();
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    public static EmbeddingMap of(List<SampleText> samples) {
        List<SampleText> embedded = samples.stream().filter(SampleText::hasEmbedding).toList();
        if (embedded.isEmpty()) {
            return new EmbeddingMap(List.of(), new double[2]);
        }
        int n = embedded.size();
        int d = embedded.get(0).embedding().length;
        double[][] centred = new double[n][d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] embedding = embedded.get(i).embedding();
            if (embedding.length != d) {
                throw new IllegalArgumentException("sample #" + embedded.get(i).id() + " has an embedding of "
                        + embedding.length + " dimensions, the others " + d);
            }
            for (int j = 0; j < d; j++) {
                centred[i][j] = embedding[j];
                mean[j] += embedding[j] / (double) n;
            }
        }
        double totalVariance = 0;
        for (double[] row : centred) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
                totalVariance += row[j] * row[j] / n;
            }
        }
        double[] first = principalComponent(centred, null);
        double[] second = principalComponent(centred, first);
        List<MapPoint> points = new ArrayList<>(n);
        double[] variance = new double[2];
        for (int i = 0; i < n; i++) {
            double x = dot(centred[i], first);
            double y = dot(centred[i], second);
            variance[0] += x * x / n;
            variance[1] += y * y / n;
            points.add(new MapPoint(embedded.get(i).id(), x, y));
        }
        for (int c = 0; c < 2; c++) {
            variance[c] = totalVariance == 0 ? 0 : variance[c] / totalVariance;
        }
        return new EmbeddingMap(points, variance);
    }

    /** The unit direction of largest variance, orthogonal to {@code orthogonalTo} when it is given. */
    private static double[] principalComponent(double[][] centred, double[] orthogonalTo) {
        int d = centred[0].length;
        Random random = new Random(SEED);
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        normalise(v, orthogonalTo);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[d];
            for (double[] row : centred) {
                double projection = dot(row, v);
                for (int j = 0; j < d; j++) {
                    next[j] += projection * row[j];
                }
            }
            if (!normalise(next, orthogonalTo)) {
                return v; // no variance is left orthogonal to the first component: v is as good as any
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change += (next[j] - v[j]) * (next[j] - v[j]);
            }
            v = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    /** Removes the part along {@code orthogonalTo} and scales to unit length; false when nothing is left. */
    private static boolean normalise(double[] v, double[] orthogonalTo) {
        if (orthogonalTo != null) {
            double along = dot(v, orthogonalTo);
            for (int j = 0; j < v.length; j++) {
                v[j] -= along * orthogonalTo[j];
            }
        }
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-300) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
