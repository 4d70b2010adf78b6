package io.siftbench.model.insights;

import java.util.Arrays;
import java.util.Random;

/**
 * k-means clustering (Lloyd's algorithm) with k-means++ seeding from a fixed seed, on squared Euclidean distance.
 * Given unit vectors, that distance is 2 − 2·cosine, so the clusters group samples of similar meaning.
 *
 * @param assignment the cluster of each point
 * @param centroids  the mean of each cluster's points
 */
public record KMeans(int[] assignment, double[][] centroids) {

    private static final int MAX_ITERATIONS = 100;

    public KMeans {
        assignment = assignment.clone();
        centroids = Arrays.stream(centroids).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public int[] assignment() {
        return assignment.clone();
    }

    /** The squared distance of {@code point} to the centroid of {@code cluster}. */
    public double distance(float[] point, int cluster) {
        return squaredDistance(point, centroids[cluster]);
    }

    /** Clusters {@code points} into min(k, number of points) clusters. */
    public static KMeans of(float[][] points, int k, long seed) {
        int n = points.length;
        int clusters = Math.min(k, n);
        if (clusters < 1) {
            return new KMeans(new int[n], new double[0][]);
        }
        double[][] centroids = seeds(points, clusters, new Random(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(points[i], centroids);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            centroids = means(points, assignment, centroids);
        }
        return new KMeans(assignment, centroids);
    }

    /** k-means++: each next seed is a point drawn with probability proportional to its squared distance. */
    private static double[][] seeds(float[][] points, int clusters, Random random) {
        double[][] centroids = new double[clusters][];
        centroids[0] = toDouble(points[random.nextInt(points.length)]);
        double[] distances = new double[points.length];
        Arrays.fill(distances, Double.POSITIVE_INFINITY);
        for (int c = 1; c < clusters; c++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                distances[i] = Math.min(distances[i], squaredDistance(points[i], centroids[c - 1]));
                total += distances[i];
            }
            int chosen = random.nextInt(points.length);
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < points.length; i++) {
                    target -= distances[i];
                    if (target <= 0 && distances[i] > 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = toDouble(points[chosen]);
        }
        return centroids;
    }

    private static double[][] means(float[][] points, int[] assignment, double[][] previous) {
        int d = points[0].length;
        double[][] sums = new double[previous.length][d];
        int[] sizes = new int[previous.length];
        for (int i = 0; i < points.length; i++) {
            sizes[assignment[i]]++;
            for (int j = 0; j < d; j++) {
                sums[assignment[i]][j] += points[i][j];
            }
        }
        for (int c = 0; c < sums.length; c++) {
            if (sizes[c] == 0) {
                sums[c] = previous[c]; // an emptied cluster keeps its centroid rather than becoming NaN
            } else {
                for (int j = 0; j < d; j++) {
                    sums[c][j] /= sizes[c];
                }
            }
        }
        return sums;
    }

    private static int nearest(float[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(point, centroids[c]);
            if (distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static double squaredDistance(float[] point, double[] centroid) {
        double sum = 0;
        for (int j = 0; j < point.length; j++) {
            double difference = point[j] - centroid[j];
            sum += difference * difference;
        }
        return sum;
    }

    private static double[] toDouble(float[] point) {
        double[] copy = new double[point.length];
        for (int j = 0; j < point.length; j++) {
            copy[j] = point[j];
        }
        return copy;
    }
}
