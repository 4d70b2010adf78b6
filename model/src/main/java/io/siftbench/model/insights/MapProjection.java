package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The two principal components of a set of embeddings (PCA), the axes of the embedding map. The components are
 * found by power iteration on the covariance of the centred embeddings (C·v computed as Xᵀ(X·v)/n, never forming
 * C), the second kept orthogonal to the first; each one's sign is chosen so that its largest-magnitude coordinate
 * is positive, making the map the same from run to run. Fitting one projection on several runs together and
 * projecting each on it puts their maps on shared axes.
 */
public final class MapProjection {

    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-10;
    private static final long SEED = 7;

    private final double[] mean;
    private final double[] first;
    private final double[] second;

    private MapProjection(double[] mean, double[] first, double[] second) {
        this.mean = mean;
        this.first = first;
        this.second = second;
    }

    /** The principal components of the embeddings of {@code samples} (those without one are left out). */
    public static MapProjection fit(List<SampleText> samples) {
        double[][] data = embeddings(samples);
        if (data.length == 0) {
            return new MapProjection(new double[0], new double[0], new double[0]);
        }
        int d = data[0].length;
        double[] mean = new double[d];
        for (double[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / data.length;
            }
        }
        double[][] centred = centre(data, mean);
        double[] first = principalComponent(centred, null);
        return new MapProjection(mean, first, principalComponent(centred, first));
    }

    /** The samples (those with an embedding) on this projection's axes. */
    public EmbeddingMap project(List<SampleText> samples) {
        List<SampleText> embedded =
                samples.stream().filter(SampleText::hasEmbedding).toList();
        double[][] data = embeddings(samples);
        if (data.length > 0 && data[0].length != mean.length) {
            throw new IllegalArgumentException(
                    "the embeddings have " + data[0].length + " dimensions, the map " + "was fitted on " + mean.length);
        }
        double[][] centred = centre(data, mean);
        double totalVariance = 0;
        double[] variance = new double[2];
        List<MapPoint> points = new ArrayList<>(centred.length);
        for (int i = 0; i < centred.length; i++) {
            double x = dot(centred[i], first);
            double y = dot(centred[i], second);
            totalVariance += dot(centred[i], centred[i]) / centred.length;
            variance[0] += x * x / centred.length;
            variance[1] += y * y / centred.length;
            points.add(new MapPoint(embedded.get(i).id(), x, y));
        }
        for (int c = 0; c < 2; c++) {
            variance[c] = totalVariance == 0 ? 0 : variance[c] / totalVariance;
        }
        return new EmbeddingMap(points, variance);
    }

    private static double[][] embeddings(List<SampleText> samples) {
        List<SampleText> embedded =
                samples.stream().filter(SampleText::hasEmbedding).toList();
        double[][] data = new double[embedded.size()][];
        for (int i = 0; i < data.length; i++) {
            float[] embedding = embedded.get(i).embedding();
            if (embedding.length != embedded.get(0).embedding().length) {
                throw new IllegalArgumentException(
                        "sample #" + embedded.get(i).id() + " has an embedding of " + embedding.length
                                + " dimensions, the others " + embedded.get(0).embedding().length);
            }
            data[i] = new double[embedding.length];
            for (int j = 0; j < embedding.length; j++) {
                data[i][j] = embedding[j];
            }
        }
        return data;
    }

    private static double[][] centre(double[][] data, double[] mean) {
        double[][] centred = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            centred[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                centred[i][j] = data[i][j] - mean[j];
            }
        }
        return centred;
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
