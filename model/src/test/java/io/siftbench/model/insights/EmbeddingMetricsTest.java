package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingMetricsTest {

    private static SampleText embedded(long id, float... embedding) {
        return SampleText.of(id, "s" + id).withEmbedding(embedding);
    }

    @Test
    void pairwiseCosineMeanAndDistributionOverAllPairs() {
        // pairs: (1,2) cos 1, (1,3) cos 0, (2,3) cos 0 -> mean 1/3; the sample without embedding is left out
        List<SampleText> samples =
                List.of(embedded(1, 1, 0), embedded(2, 2, 0), embedded(3, 0, 5), SampleText.of(4, "none"));

        SimilarityDistribution similarity = new EmbeddingSimilarity().measure(samples);

        assertThat(similarity.mean()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(similarity.pairs()).isEqualTo(3);
        assertThat(similarity.sampled()).isFalse();
        long[] counts = similarity.histogram().counts();
        assertThat(counts[20]).isEqualTo(2); // [0, 0.05)
        assertThat(counts[39]).isEqualTo(1); // [0.95, 1]
    }

    @Test
    void manySamplesAreMeasuredOnASeededSampleOfPairs() {
        Random random = new Random(1);
        List<SampleText> samples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            samples.add(embedded(i, random.nextFloat(), random.nextFloat(), random.nextFloat()));
        }

        SimilarityDistribution exact = new EmbeddingSimilarity(300, 7).measure(samples);
        SimilarityDistribution sampled = new EmbeddingSimilarity(100, 7).measure(samples);

        assertThat(sampled.sampled()).isTrue();
        assertThat(sampled.pairs()).isEqualTo(100 * 99 / 2);
        assertThat(sampled).isEqualTo(new EmbeddingSimilarity(100, 7).measure(samples));
        assertThat(sampled.mean()).isCloseTo(exact.mean(), within(0.01));
    }

    @Test
    void theMapLaysPointsAlongTheDirectionOfLargestVariance() {
        // Points spread along (1, 1, 0) by ±3 and along (0, 0, 1) by ±1: x must carry the first spread.
        List<SampleText> samples =
                List.of(embedded(1, 3, 3, 0), embedded(2, -3, -3, 0), embedded(3, 0, 0, 1), embedded(4, 0, 0, -1));

        EmbeddingMap map = EmbeddingMap.of(samples);

        assertThat(map.points()).extracting(MapPoint::sampleId).containsExactly(1L, 2L, 3L, 4L);
        double spread = 3 * Math.sqrt(2);
        assertThat(Math.abs(map.points().get(0).x())).isCloseTo(spread, within(1e-6));
        assertThat(map.points().get(0).y()).isCloseTo(0, within(1e-6));
        assertThat(Math.abs(map.points().get(2).y())).isCloseTo(1, within(1e-6));
        // variances: 9 (x) and 0.5 (y) out of 9.5
        assertThat(map.explainedVariance()[0]).isCloseTo(9 / 9.5, within(1e-9));
        assertThat(map.explainedVariance()[1]).isCloseTo(0.5 / 9.5, within(1e-9));
    }
}
