package io.siftbench.model.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingDuplicateDetectorTest {

    /**
     * 2,500 clustered 384-dimension embeddings with planted near duplicates, some samples without an embedding and
     * one all-zero one: at every threshold the pruned, parallel detector must report exactly the groups, kept
     * samples and similarities of comparing every pair in full. One threshold is the exact cosine of a planted pair,
     * so that pair sits on the boundary, where any rounding in the pruning would show.
     */
    @Test
    void givesExactlyTheGroupsOfComparingEveryPair() {
        List<SampleText> samples = new ArrayList<>(ClusteredEmbeddings.samples(2_500, 384, 5));
        for (int i = 7; i < samples.size(); i += 97) {
            samples.set(i, SampleText.of(samples.get(i).id(), "not embedded"));
        }
        samples.set(3, samples.get(3).withEmbedding(new float[384]));
        double boundary = Vectors.cosine(
                samples.get(1_230).embedding(), samples.get(1_240).embedding());

        for (double threshold : new double[] {0.6, 0.9, 0.95, 0.99, boundary}) {
            List<DuplicateGroup> expected = new AllPairsEmbeddingDuplicates(threshold).groups(samples);

            assertThat(new EmbeddingDuplicateDetector(threshold).groups(samples))
                    .as("threshold %s", threshold)
                    .isEqualTo(expected);
            assertThat(expected.stream()
                            .mapToInt(group -> group.duplicates().size())
                            .sum())
                    .as("threshold %s finds duplicates to compare", threshold)
                    .isPositive();
        }
    }

    @Test
    void aPairOnTheThresholdIsADuplicateAndOneJustBelowIsNot() {
        List<SampleText> samples = ClusteredEmbeddings.samples(300, 384, 6);
        double cosine = new AllPairsEmbeddingDuplicates(0.9)
                .groups(samples)
                .get(0)
                .duplicates()
                .get(0)
                .similarity();

        List<DuplicateGroup> onTheThreshold = new EmbeddingDuplicateDetector(cosine).groups(samples);
        List<DuplicateGroup> justAbove = new EmbeddingDuplicateDetector(Math.nextUp(cosine)).groups(samples);

        assertThat(onTheThreshold)
                .flatExtracting(DuplicateGroup::duplicates)
                .extracting(DuplicateMember::similarity)
                .contains(cosine);
        assertThat(justAbove)
                .isNotEqualTo(onTheThreshold)
                .isEqualTo(new AllPairsEmbeddingDuplicates(Math.nextUp(cosine)).groups(samples));
    }

    @Test
    void embeddingsOfDifferentSizesAreRefusedWithBothSizes() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withEmbedding(new float[] {1, 0}),
                SampleText.of(2, "b").withEmbedding(new float[] {1, 0, 0}));

        assertThatThrownBy(() -> new EmbeddingDuplicateDetector(0.9).groups(samples))
                .hasMessage("embeddings of different sizes: 2 and 3 dimensions");
    }
}
