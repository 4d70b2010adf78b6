package io.siftbench.model.insights;

import java.util.List;

/**
 * A 2-D map of the samples' embeddings: each sample's embedding projected on the two axes of a
 * {@link MapProjection} (PCA).
 *
 * @param points            one point per sample that has an embedding, in the samples' order
 * @param explainedVariance the share of these samples' total variance along x and along y
 */
public record EmbeddingMap(List<MapPoint> points, double[] explainedVariance) {

    public EmbeddingMap {
        points = List.copyOf(points);
        explainedVariance = explainedVariance.clone();
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** The map of the samples on their own principal components. */
    public static EmbeddingMap of(List<SampleText> samples) {
        return MapProjection.fit(samples).project(samples);
    }
}
