package io.siftbench.model.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.insights.InsightsProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelDoubtsTest {

    private static final int LABELS = 4;

    @Test
    void doubtsTheFlippedLabelsOfSeparatedClustersAndSuggestsTheirOwn() {
        EmbeddedTexts clean = Clusters.of(LABELS, 30, 64, 3);
        List<Integer> flippedAt = List.of(2, 17, 33, 58, 71, 90, 101, 119);
        EmbeddedTexts noisy = Clusters.flipped(clean, LABELS, flippedAt);
        List<String> progress = new ArrayList<>();

        List<LabelDoubt> verdicts = new LabelDoubts(StudentSettings.DEFAULT)
                .judge(noisy, (done, total, step) -> progress.add(done + "/" + total));

        assertThat(verdicts).hasSize(120);
        assertThat(verdicts)
                .extracting(LabelDoubt::id)
                .containsExactlyElementsOf(
                        noisy.items().stream().map(LabelledText::id).toList());
        List<LabelDoubt> doubted = verdicts.stream().filter(LabelDoubt::doubted).toList();
        assertThat(doubted)
                .extracting(LabelDoubt::id)
                .containsExactlyInAnyOrderElementsOf(
                        flippedAt.stream().map(i -> i + 1L).toList());
        for (LabelDoubt doubt : doubted) {
            int index = (int) doubt.id() - 1;
            assertThat(doubt.suggested()).isEqualTo(clean.items().get(index).label());
            assertThat(doubt.label()).isEqualTo(noisy.items().get(index).label());
            assertThat(doubt.suggestedProbability()).isGreaterThan(doubt.labelProbability());
            assertThat(doubt.reason()).startsWith("student suggests " + doubt.suggested() + " (");
        }
        assertThat(progress).first().isEqualTo("0/5");
        assertThat(progress).last().isEqualTo("5/5");

        List<LabelDoubt> ordered = LabelDoubts.mostDoubtfulFirst(verdicts);
        assertThat(ordered.subList(0, doubted.size())).allMatch(LabelDoubt::doubted);
        assertThat(ordered.subList(0, doubted.size()))
                .extracting(LabelDoubt::labelProbability)
                .isSorted();
    }

    @Test
    void doubtsNothingOfACleanSetOfSeparatedClusters() {
        List<LabelDoubt> verdicts =
                new LabelDoubts(StudentSettings.DEFAULT).judge(Clusters.of(LABELS, 30, 64, 4), InsightsProgress.NONE);

        assertThat(verdicts).hasSize(120).noneMatch(LabelDoubt::doubted);
        assertThat(verdicts).allMatch(v -> v.suggested().equals(v.label()));
    }

    @Test
    void refusesASingleLabelAndFewerSamplesThanFolds() {
        LabelDoubts doubts = new LabelDoubts(StudentSettings.DEFAULT);
        EmbeddedTexts oneLabel = Clusters.of(1, 10, 4, 1);
        assertThatThrownBy(() -> doubts.judge(oneLabel, InsightsProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label doubts need samples of at least two labels, had only \"l0\"");
        EmbeddedTexts four = Clusters.of(2, 2, 4, 1);
        assertThatThrownBy(() -> doubts.judge(four, InsightsProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label doubts by 5-fold need at least 5 samples, had 4");
        assertThatThrownBy(() -> new LabelDoubts(StudentSettings.DEFAULT, 1))
                .hasMessage("k-fold needs at least 2 folds, was 1");
    }
}
