package io.siftbench.views.insights;

import static io.siftbench.views.insights.MeasuredRuns.mapped;
import static io.siftbench.views.insights.MeasuredRuns.measured;
import static io.siftbench.views.insights.MeasuredRuns.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.model.insights.MapPoint;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding maps side by side share one range, which holds every point with a margin. */
class MapBoundsTest {

    private static MeasuredRun run(long id, MapPoint... points) {
        return mapped(measured(id, texts("lost card", "stolen card")), List.of(points));
    }

    @Test
    void theBoundsHoldEveryPointOfEveryRunWithAMarginOfAOneTwentiethOfTheirSpread() {
        MapBounds bounds = MapBounds.around(
                List.of(run(1, new MapPoint(1, -1, 0), new MapPoint(2, 1, 2)), run(2, new MapPoint(1, 3, 1))));
        assertThat(bounds.minX()).isCloseTo(-1.2, within(1e-9));
        assertThat(bounds.maxX()).isCloseTo(3.2, within(1e-9));
        assertThat(bounds.minY()).isCloseTo(-0.1, within(1e-9));
        assertThat(bounds.maxY()).isCloseTo(2.1, within(1e-9));
    }

    @Test
    void aRunWithoutAMapLeavesTheBoundsAsTheOthersHaveThem() {
        MapBounds bounds = MapBounds.around(List.of(
                measured(1, texts("no embeddings here")), run(2, new MapPoint(1, 0, 0), new MapPoint(2, 10, 20))));
        assertThat(bounds).isEqualTo(new MapBounds(-0.5, 10.5, -1, 21));
    }

    @Test
    void pointsOnOneSpotStillHaveARangeToDraw() {
        MapBounds bounds = MapBounds.around(List.of(run(1, new MapPoint(1, 2, 2), new MapPoint(2, 2, 2))));
        assertThat(bounds.minX()).isLessThan(2);
        assertThat(bounds.maxX()).isGreaterThan(2);
        assertThat(bounds.x().lower()).isLessThan(bounds.x().upper());
        assertThat(bounds.y().lower())
                .isLessThanOrEqualTo(2)
                .isLessThan(bounds.y().upper());
    }

    @Test
    void theMapsAxesWidenTheBoundsToWholeTicks() {
        MapBounds bounds = MapBounds.around(List.of(run(1, new MapPoint(1, 0, 0), new MapPoint(2, 10, 20))));
        assertThat(bounds.x()).isEqualTo(new AxisScale(-2, 12, 2));
        assertThat(bounds.y()).isEqualTo(new AxisScale(-5, 25, 5));
    }
}
