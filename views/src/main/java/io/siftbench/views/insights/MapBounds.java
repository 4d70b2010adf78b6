package io.siftbench.views.insights;

import io.siftbench.model.insights.MapPoint;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.List;
import java.util.Objects;

/**
 * The x and y range of every measured run's embedding map, a little wider, so that maps side by side (projected on
 * one PCA) are drawn on the same scales too.
 */
record MapBounds(double minX, double maxX, double minY, double maxY) {

    /** How much wider than the points the bounds are, as a share of their spread. */
    private static final double MARGIN = 0.05;
    /** The least margin, so that a map whose points all lie on one line still has a range to draw. */
    private static final double LEAST_MARGIN = 1e-6;

    /** The bounds around the points of every run that has a map; at least one must have one. */
    static MapBounds around(List<MeasuredRun> runs) {
        List<MapPoint> points = runs.stream()
                .map(r -> r.report().metrics().embeddingMap())
                .filter(Objects::nonNull)
                .flatMap(map -> map.points().stream())
                .toList();
        double minX = points.stream().mapToDouble(MapPoint::x).min().orElse(0);
        double maxX = points.stream().mapToDouble(MapPoint::x).max().orElse(0);
        double minY = points.stream().mapToDouble(MapPoint::y).min().orElse(0);
        double maxY = points.stream().mapToDouble(MapPoint::y).max().orElse(0);
        double marginX = margin(minX, maxX);
        double marginY = margin(minY, maxY);
        return new MapBounds(minX - marginX, maxX + marginX, minY - marginY, maxY + marginY);
    }

    private static double margin(double min, double max) {
        return Math.max(LEAST_MARGIN, (max - min) * MARGIN);
    }

    AxisScale x() {
        return AxisScale.covering(minX, maxX);
    }

    AxisScale y() {
        return AxisScale.covering(minY, maxY);
    }
}
