package io.siftbench.storage.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored sample, as {@code add} hands it back, is exactly what reading it from the file gives. */
class SampleStoreTest {

    @TempDir
    Path dir;

    @Test
    void theSampleAddReturnsIsTheOneStored() throws Exception {
        Path file = dir.resolve("samples.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            long run = RunFixture.run(project, version, PromptMode.ANNOTATE, 1)
                    .get(0)
                    .runId();
            Sample plain = RunFixture.sample(run, PromptMode.ANNOTATE, 1);
            // An over-long validation error is kept to 4,000 characters; votes, tokens and a null text as they are.
            Sample longError = RunFixture.sample(run, PromptMode.ANNOTATE, 4);
            Sample wordy = new Sample(
                    0,
                    run,
                    longError.slot(),
                    longError.model(),
                    longError.parameters(),
                    longError.seed(),
                    longError.rawOutput(),
                    longError.label(),
                    longError.rationale(),
                    longError.confidence(),
                    longError.text(),
                    longError.parsed(),
                    false,
                    "x".repeat(5_000),
                    longError.votes(),
                    longError.promptTokens(),
                    longError.completionTokens(),
                    longError.latencyMillis(),
                    longError.finishReason(),
                    null,
                    null);

            for (Sample written : List.of(plain, wordy)) {
                Sample returned = project.samples().add(written);
                Sample stored = project.samples().find(returned.id()).orElseThrow();
                assertThat(returned).usingRecursiveComparison().isEqualTo(stored);
                assertThat(stored.validationError())
                        .isEqualTo(written == wordy ? "x".repeat(3_997) + "…" : written.validationError());
            }
        }
    }

    @Test
    void promptsAndAnswersShortAndLongComeBackExactlyAfterReopening() throws Exception {
        // Values of up to 16 KB live in the row, longer ones in H2's LOB store: a long document annotated is both.
        Path file = dir.resolve("long.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.ANNOTATE);
        List<Long> ids = new java.util.ArrayList<>();
        List<Sample> written = new java.util.ArrayList<>();
        try (Project project = new H2ProjectOpener().open(file)) {
            long run = RunFixture.run(project, version, PromptMode.ANNOTATE, 1)
                    .get(0)
                    .runId();
            int i = 10;
            for (int length : List.of(100, 16_000, 17_000, 200_000)) {
                Sample base = RunFixture.sample(run, PromptMode.ANNOTATE, i++);
                String document = "é".repeat(length);
                io.siftbench.model.runs.Slot slot = new io.siftbench.model.runs.Slot(
                        base.slot().key(),
                        base.slot().ordinal(),
                        base.slot().recordId(),
                        base.slot().conditions(),
                        base.slot().demonstrationIds(),
                        List.of(io.siftbench.model.runs.Message.user("Summarise: " + document)));
                Sample sample = new Sample(
                        0,
                        run,
                        slot,
                        base.model(),
                        base.parameters(),
                        base.seed(),
                        "{\"label\": \"" + document + "\"}",
                        base.label(),
                        base.rationale(),
                        base.confidence(),
                        base.text(),
                        base.parsed(),
                        true,
                        null,
                        base.votes(),
                        base.promptTokens(),
                        base.completionTokens(),
                        base.latencyMillis(),
                        base.finishReason(),
                        null,
                        null);
                ids.add(project.samples().add(sample).id());
                written.add(sample);
            }
        }
        try (Project project = new H2ProjectOpener().open(file)) {
            for (int k = 0; k < ids.size(); k++) {
                Sample stored = project.samples().find(ids.get(k)).orElseThrow();
                assertThat(stored.slot().messages())
                        .isEqualTo(written.get(k).slot().messages());
                assertThat(stored.rawOutput()).isEqualTo(written.get(k).rawOutput());
            }
        }
    }

    @Test
    void samplesCommittedTogetherAreAllStoredOrNoneOfThem() throws Exception {
        Path file = dir.resolve("together.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            long run = RunFixture.run(project, version, PromptMode.ANNOTATE, 1)
                    .get(0)
                    .runId();
            List<Sample> group = List.of(
                    RunFixture.sample(run, PromptMode.ANNOTATE, 1), RunFixture.sample(run, PromptMode.ANNOTATE, 2));

            List<Sample> stored = project.samples().addAll(group);

            assertThat(stored).extracting(s -> s.slot().key()).containsExactly("r2", "r3");
            for (Sample s : stored) {
                assertThat(project.samples().find(s.id()).orElseThrow())
                        .usingRecursiveComparison()
                        .isEqualTo(s);
            }
            // A group with a slot that has its sample already is refused whole: the new slot is not stored either.
            long before = project.samples().count(run);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> project.samples()
                            .addAll(List.of(
                                    RunFixture.sample(run, PromptMode.ANNOTATE, 3),
                                    RunFixture.sample(run, PromptMode.ANNOTATE, 1))))
                    .hasMessageContaining("Slot r2")
                    .hasMessageContaining("already has a sample");
            assertThat(project.samples().count(run)).isEqualTo(before);
        }
    }

    @Test
    void aRunReadPageByPageGivesEverySampleOnceInTheRunsOrder() throws Exception {
        Path file = dir.resolve("pages.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            long run = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 1)
                    .get(0)
                    .runId();
            // Stored out of order and with ordinals shared by two slots (a pipeline step's slots can share one):
            // the pages must still come in (ordinal, id) order without losing or repeating a sample at their edges.
            for (int i = 30; i > 1; i--) {
                project.samples().add(RunFixture.atOrdinal(RunFixture.sample(run, PromptMode.SYNTHESIZE, i), i / 2));
            }
            List<Long> whole = project.samples().list(run, 0, Integer.MAX_VALUE).stream()
                    .map(Sample::id)
                    .toList();
            List<Long> paged = new java.util.ArrayList<>();
            List<Integer> sizes = new java.util.ArrayList<>();
            project.samples().forEachPage(run, 4, page -> {
                sizes.add(page.size());
                page.forEach(s -> paged.add(s.id()));
            });

            assertThat(whole).hasSize(30);
            assertThat(paged).containsExactlyElementsOf(whole);
            assertThat(sizes).allMatch(size -> size <= 4);
            List<Long> items = new java.util.ArrayList<>();
            project.review().forEachPage(run, 7, page -> page.forEach(item -> items.add(item.sampleId())));
            assertThat(items).containsExactlyElementsOf(whole);
        }
    }
}
