package io.siftbench.storage.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.curation.CurationReport;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.NearDuplicateMethod;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curation filters on a real run in a real project file, and "reject all flagged by …" with one undo. */
class RunCurationTest {

    private static final List<String> TEXTS = List.of(
            "the quick brown fox jumps over the lazy dog near the river bank",
            "an entirely different sentence about banking and cards today",
            "the quick brown fox jumps over the lazy dog near the river bank today",
            "An entirely different sentence, about banking and cards today!",
            "my card was declined at the shop this morning",
            "how long does a transfer to another country take");

    @TempDir
    Path dir;

    private Project project;
    private long run;
    private final List<Sample> samples = new ArrayList<>();

    @BeforeEach
    void runWithPlantedDuplicates() throws Exception {
        Path file = dir.resolve("curation.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        project = new H2ProjectOpener().open(file);
        samples.addAll(RunFixture.synthesized(project, version, TEXTS));
        run = samples.get(0).runId();
    }

    @AfterEach
    void close() {
        project.close();
    }

    private long id(int index) {
        return samples.get(index).id();
    }

    @Test
    void plantedDuplicatesAndKeywordsAreFlaggedWithReasons() {
        CurationSettings settings = new CurationSettings(
                null, 13, null, null, List.of("river"), 0.7, 0.6, null, NearDuplicateMethod.MINHASH, 0.9);
        CurationReport report = new RunCuration(project.runSources(), project.decisions(), settings).report(run);

        assertThat(report.flaggedBy(FlagKind.EXACT_DUPLICATE)).containsExactly(id(3));
        assertThat(report.flaggedBy(FlagKind.NEAR_DUPLICATE)).containsExactlyInAnyOrder(id(2), id(3));
        assertThat(report.flaggedBy(FlagKind.PATTERN)).containsExactly(id(0), id(2));
        // The planted near duplicate has 14 words, its original 13: only the copy is too long.
        assertThat(report.flaggedBy(FlagKind.LENGTH)).containsExactly(id(2));

        List<ReviewItem> items = RunCuration.withFlags(project.review().items(run), report);
        assertThat(items.get(2).flags())
                .anyMatch(f -> f.startsWith("near duplicate: ") && f.contains("similar to #" + id(0)));
        assertThat(items.get(4).flags()).isEmpty();
    }

    @Test
    void nearDuplicatesByEmbeddingUseTheMiniLmCosineWhenChosen() {
        CurationSettings byEmbedding = new CurationSettings(
                null, null, null, null, List.of(), 0.95, 0.6, null, NearDuplicateMethod.EMBEDDING, 0.9);
        CurationReport report = new RunCuration(
                        project.runSources(),
                        project.decisions(),
                        byEmbedding,
                        () -> new SampleEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel()))
                .report(run);

        // The planted copies are the only pairs of the run whose MiniLM cosine reaches 0.95.
        assertThat(report.flaggedBy(FlagKind.NEAR_DUPLICATE)).containsExactlyInAnyOrder(id(2), id(3));
        assertThat(report.flagsOf(id(2)))
                .filteredOn(flag -> flag.kind() == FlagKind.NEAR_DUPLICATE)
                .singleElement()
                .satisfies(flag -> assertThat(flag.reason())
                        .matches("0\\.9\\d similar to #" + id(0)
                                + ", the earliest of its group \\(embedding cosine\\)"));

        assertThatThrownBy(() -> new RunCuration(project.runSources(), project.decisions(), byEmbedding).report(run))
                .hasMessageStartingWith("Near duplicates by embedding need the embedding model");
    }

    @Test
    void rejectAllFlaggedByNearDuplicatesIsOneActionThatOneUndoTakesBack() {
        project.decisions().decide(Decision.of(id(5), DecisionStatus.ACCEPTED, null));
        RunCuration curation = new RunCuration(project.runSources(), project.decisions(), CurationSettings.defaults());

        assertThat(curation.rejectAllFlaggedBy(run, FlagKind.NEAR_DUPLICATE))
                .get()
                .satisfies(action -> assertThat(action.decisions()).hasSize(2));
        assertThat(project.decisions().current(id(2))).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.REJECTED);
            assertThat(d.note()).startsWith("near duplicate: ");
        });
        assertThat(project.decisions().current(id(3)))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.REJECTED);

        project.decisions().undo();
        assertThat(project.decisions().current(id(2))).isEmpty();
        assertThat(project.decisions().current(id(3))).isEmpty();
        assertThat(project.decisions().current(id(5)))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.ACCEPTED);
        assertThat(curation.rejectAllFlaggedBy(run, FlagKind.LOW_JUDGE_SCORE)).isEmpty();
    }

    @Test
    void aMalformedPatternIsRefusedWithWhereAndRecordsNothing() {
        CurationSettings broken = new CurationSettings(
                null, null, "card(", null, List.of(), 0.7, 0.6, null, NearDuplicateMethod.MINHASH, 0.9);

        assertThatThrownBy(() -> new RunCuration(project.runSources(), project.decisions(), broken)
                        .rejectAllFlaggedBy(run, FlagKind.PATTERN))
                .hasMessageStartingWith(
                        "the must-match pattern 'card(' is not a valid regular expression at character 6");
        assertThat(project.decisions().currentOfRun(run)).isEmpty();
    }
}
