package io.siftbench.model.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicatesTest {

    @Test
    void exactDuplicatesIgnoreCaseWhitespaceAndPunctuationAndKeepTheEarliest() {
        List<SampleText> samples = List.of(
                SampleText.of(10, "Where is my card?"),
                SampleText.of(11, "Top up failed"),
                SampleText.of(12, "where is   my card"),
                SampleText.of(13, "WHERE IS MY CARD!!!"),
                SampleText.of(14, "where is my cards"));

        assertThat(new DuplicateFilter(new ExactDuplicates()).flag(samples))
                .containsExactly(
                        new Flag(
                                12,
                                FlagKind.EXACT_DUPLICATE,
                                "exact duplicate of #10 (exact match after normalising "
                                        + "case, whitespace and punctuation)"),
                        new Flag(
                                13,
                                FlagKind.EXACT_DUPLICATE,
                                "exact duplicate of #10 (exact match after normalising "
                                        + "case, whitespace and punctuation)"));
    }

    @Test
    void samplesWithoutTextAreNoOnesDuplicate() {
        // Annotate samples of a dataset without a text column have no text to compare.
        List<SampleText> samples = List.of(
                SampleText.of(10, null),
                SampleText.of(11, ""),
                SampleText.of(12, "?!"),
                SampleText.of(13, "card"),
                SampleText.of(14, "Card."));

        assertThat(new DuplicateFilter(new ExactDuplicates()).flag(samples))
                .extracting(Flag::sampleId)
                .containsExactly(14L);
    }

    @Test
    void theBandShapeGivesAtLeastTheTargetChanceAtTheThreshold() {
        MinHashDetector detector = new MinHashDetector(2, 128, 0.7, 1);

        // r = 4, b = 32: 1 − (1 − 0.7⁴)³² = 0.99985; r = 5 (b = 25) would give only 0.9899.
        assertThat(detector.rows()).isEqualTo(4);
        assertThat(detector.bands()).isEqualTo(32);
        assertThat(MinHashDetector.candidateProbability(0.7, 4, 32)).isCloseTo(0.99985, within(1e-5));
    }

    /**
     * 2,000 unrelated 20-word sentences over 5,000 words, then 400 planted copies with one word replaced
     * (Jaccard of 2-word shingles 17/21 = 0.81, or 18/20 = 0.9 when the replaced word is the first or the last)
     * and 200 with four words replaced (Jaccard at most 0.5). At threshold 0.7 a planted pair above it becomes a
     * candidate with probability 1 − (1 − 0.81⁴)³² ≥ 0.9999, so at least 99% of the 400 must be found, and the
     * exact Jaccard check means no other pair may be reported.
     */
    @Test
    void minHashFindsPlantedNearDuplicatesAtTheExpectedRate() {
        Random random = new Random(11);
        List<List<String>> sentences = new ArrayList<>();
        for (int s = 0; s < 2_000; s++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                words.add("w" + random.nextInt(5_000));
            }
            sentences.add(words);
        }
        List<SampleText> samples = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            samples.add(SampleText.of(s, String.join(" ", sentences.get(s))));
        }
        Set<Long> planted = new HashSet<>();
        for (int p = 0; p < 600; p++) {
            List<String> copy = new ArrayList<>(sentences.get(p));
            int changes = p < 400 ? 1 : 4;
            for (int c = 0; c < changes; c++) {
                copy.set(c * 5 + random.nextInt(5), "new" + p + "x" + c);
            }
            long id = 10_000 + p;
            samples.add(SampleText.of(id, String.join(" ", copy)));
            if (p < 400) {
                planted.add(id);
            }
        }

        List<DuplicateGroup> groups = new MinHashDetector(2, 128, 0.7, 3).groups(samples);

        Set<Long> found = new HashSet<>();
        for (DuplicateGroup group : groups) {
            assertThat(group.duplicates()).hasSize(1);
            DuplicateMember member = group.duplicates().get(0);
            assertThat(member.sampleId()).isEqualTo(10_000 + group.keptId());
            assertThat(member.similarity()).isGreaterThanOrEqualTo(0.7);
            found.add(member.sampleId());
        }
        assertThat(planted).containsAll(found);
        assertThat(found.size()).isGreaterThanOrEqualTo(396);
    }

    @Test
    void nearDuplicateFlagsNameTheKeptSampleAndTheSimilarity() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "my card has not arrived yet and I am worried about it"),
                SampleText.of(2, "how do I top up"),
                SampleText.of(3, "my card has not arrived yet and I am worried about that"));

        // 12 tokens, 11 bigrams each; only the last differs: Jaccard = 10 / 12 = 0.83
        assertThat(new DuplicateFilter(new MinHashDetector()).flag(samples))
                .containsExactly(new Flag(
                        3,
                        FlagKind.NEAR_DUPLICATE,
                        "0.83 similar to #1, the earliest of its group " + "(MinHash Jaccard of 2-word shingles)"));
    }

    /**
     * A templated run: 2,000 samples "story N told in a TONE tone by the old sea at night again", each tone's alike
     * at Jaccard of 2-word shingles 11/15 = 0.73, so
     * every band puts a thousand of them in one bucket. Each is compared with the earliest 32 of its bucket, not all
     * before it, and still joins its tone's group; the reason says the bucket was bounded.
     */
    @Test
    void aTemplatedRunIsGroupedInBoundedComparisonsAndTheReasonSaysSo() {
        List<SampleText> samples = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            samples.add(SampleText.of(
                    i,
                    "story " + i + " told in a " + (i % 2 == 0 ? "angry" : "polite")
                            + " tone by the old sea at night again"));
        }

        List<Flag> flags = new DuplicateFilter(new MinHashDetector()).flag(samples);

        assertThat(flags).hasSize(1_998);
        assertThat(flags.get(0))
                .isEqualTo(
                        new Flag(
                                2,
                                FlagKind.NEAR_DUPLICATE,
                                "0.73 similar to #0, the earliest of its group (MinHash Jaccard of 2-word shingles; each "
                                        + "sample compared with at most 32 others of its LSH bucket, so a pair may be missed)"));
        assertThat(flags).extracting(Flag::reason).allMatch(r -> r.contains("#0,") || r.contains("#1,"));
    }

    @Test
    void embeddingNearDuplicatesGroupByCosineAndKeepTheEarliest() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "a").withEmbedding(new float[] {1, 0, 0}),
                SampleText.of(2, "b").withEmbedding(new float[] {0, 1, 0}),
                SampleText.of(3, "c").withEmbedding(new float[] {0.98f, 0.2f, 0}),
                SampleText.of(4, "d"),
                SampleText.of(5, "e").withEmbedding(new float[] {2, 0, 0.01f}));

        List<DuplicateGroup> groups = new EmbeddingDuplicateDetector(0.95).groups(samples);

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).keptId()).isEqualTo(1);
        assertThat(groups.get(0).duplicates())
                .extracting(DuplicateMember::sampleId)
                .containsExactly(3L, 5L);
        assertThat(groups.get(0).duplicates().get(0).similarity())
                .isCloseTo(0.98 / Math.hypot(0.98, 0.2), within(1e-6));
    }

    @Test
    void aSampleVerySimilarToAnAcceptedOneIsWarnedAbout() {
        SampleText accepted =
                SampleText.of(412, "accepted").withStatus(SampleStatus.ACCEPTED).withEmbedding(new float[] {1, 0});
        SampleText otherAccepted =
                SampleText.of(413, "other").withStatus(SampleStatus.ACCEPTED).withEmbedding(new float[] {0, 1});
        SampleText similar =
                SampleText.of(500, "similar").withEmbedding(new float[] {0.93f, (float) Math.sqrt(1 - 0.93 * 0.93)});
        SampleText different = SampleText.of(501, "different").withEmbedding(new float[] {1, 1});
        TooSimilarToAcceptedFilter filter = new TooSimilarToAcceptedFilter(0.9);

        assertThat(filter.flag(List.of(accepted, otherAccepted, similar, different)))
                .containsExactly(new Flag(500, FlagKind.TOO_SIMILAR_TO_ACCEPTED, "0.93 similar to #412, accepted"));
        assertThat(filter.check(different, List.of(accepted, otherAccepted))).isEmpty();
    }

    @Test
    void theReportListsWhatABulkActionOnOneKindWouldReject() {
        List<SampleText> samples =
                List.of(SampleText.of(1, "Hi"), SampleText.of(2, "hi!"), SampleText.of(3, "A long enough sample"));

        CurationReport report = CurationReport.of(
                samples,
                List.of(new DuplicateFilter(new ExactDuplicates()), new LengthFilter(LengthUnit.WORDS, 2, null)));

        assertThat(report.flaggedBy(FlagKind.LENGTH)).containsExactly(1L, 2L);
        assertThat(report.flaggedBy(FlagKind.EXACT_DUPLICATE)).containsExactly(2L);
        assertThat(report.flagsOf(2)).hasSize(2);
        assertThat(report.flagsOf(3)).isEmpty();
    }
}
