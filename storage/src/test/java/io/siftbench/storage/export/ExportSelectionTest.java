package io.siftbench.storage.export;

import static io.siftbench.storage.export.ExportFixture.QUESTIONS;
import static io.siftbench.storage.export.ExportFormatsTest.jsonLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.export.ExportFilter;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.ExportStatus;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.export.Split;
import io.siftbench.model.export.SplitRatios;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What goes into an export: status, filters, the leakage guard, the split, and the card that says so. */
class ExportSelectionTest extends CuratedProjectTest {

    @Test
    void demonstrationRecordsAreLeftOutAndCounted() throws Exception {
        ExportReport guarded =
                export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out("a.jsonl")));
        assertThat(guarded.leftOutAsDemonstrations()).isEqualTo(1);
        assertThat(texts(guarded)).doesNotContain(QUESTIONS.get(0)).hasSize(4);

        ExportReport kept = export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out("b.jsonl"))
                .withKeepDemonstrations(true));
        assertThat(kept.leftOutAsDemonstrations()).isZero();
        assertThat(texts(kept)).startsWith(QUESTIONS.get(0)).hasSize(5);
    }

    @Test
    void generatedSamplesThatRepeatADemonstrationAreLeftOut() {
        long version = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "paraphrases", "mode": "synthesize",
                 "task": {"role": "Write a new customer question like the examples."},
                 "template": {"system": "{{task.role}}", "user": "{{#demos}}Q: {{text}}\\n{{/demos}}Q:"},
                 "demonstrations": {"dataset": "questions", "strategy": "fixed", "ids": [2, 3], "text": "text"},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """,
                        "paraphrases.json"))
                .id();
        long run = project.runs()
                .create(new RunConfig(
                        version,
                        PromptMode.SYNTHESIZE,
                        new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny"),
                        "{}",
                        null,
                        1,
                        1,
                        2,
                        1,
                        "{}"));
        // The first copies demonstration 3 with other case and spacing; the second is new.
        List<String> texts = List.of("  WHAT rate do you use, \"today's\"   or yesterday's?", "Can I pay in yen?");
        for (int i = 0; i < texts.size(); i++) {
            Sample stored = project.samples()
                    .add(new Sample(
                            0,
                            run,
                            new Slot("c" + i, i, null, Map.of(), List.of(2L, 3L), List.of(Message.user("Q:"))),
                            "tiny",
                            "{}",
                            1L,
                            texts.get(i),
                            null,
                            null,
                            null,
                            texts.get(i),
                            null,
                            true,
                            null,
                            List.of(),
                            1,
                            1,
                            1L,
                            "stop",
                            null,
                            null));
            project.decisions().decide(Decision.of(stored.id(), DecisionStatus.ACCEPTED, null));
        }

        ExportReport report = export(ExportRequest.of(List.of(run), ExportFormat.CLASSIFICATION, out("para.jsonl")));

        assertThat(report.leftOutAsDemonstrations()).isEqualTo(1);
        assertThat(report.written()).containsEntry("all", 1);
    }

    @Test
    void recordsOfTheEvaluationSetAreLeftOutHoweverTheyWereRetyped() throws Exception {
        // Record 3's text with other case and spacing, and a text that is in no run.
        Path eval = dir.resolve("eval.csv");
        Files.writeString(
                eval,
                "text,category\n\"what RATE do you use,   \"\"today's\"\" or yesterday's?\",x\n"
                        + "\"nothing like it\",y\n");
        project.datasets().importFile(ImportOptions.of(eval).withName("held-out"), ImportProgress.NONE);

        ExportReport report = export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out("c.jsonl"))
                .withEvaluationDataset("held-out"));

        assertThat(report.leftOutAsEvaluation()).isEqualTo(1);
        assertThat(texts(report)).doesNotContain(QUESTIONS.get(2)).hasSize(3);
        assertThatThrownBy(
                        () -> export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out("d.jsonl"))
                                .withEvaluationDataset("nope")))
                .hasMessageContaining("no dataset 'nope'");
        assertThat(out("d.jsonl")).doesNotExist();
    }

    @Test
    void statusAllTakesEverySampleAndRejectedCanBeNegatives() throws Exception {
        ExportReport all = export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.JSONL, out("all.jsonl"))
                .withStatus(ExportStatus.ALL));
        assertThat(all.written()).containsEntry("all", 7);

        ExportReport negatives =
                export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.ALPACA, out("neg.jsonl"))
                        .withRejectedAsNegatives(true));
        assertThat(negatives.written()).containsEntry("all", 5).containsEntry("rejected", 1);
        assertThat(jsonLines(out("neg-rejected.jsonl")))
                .extracting(n -> n.get("output").asText())
                .containsExactly(ExportFixture.STORIES.get(2));
    }

    @Test
    void filtersNarrowByConditionLabelAndFlag() throws Exception {
        ExportReport polite =
                export(ExportRequest.of(List.of(fixture.synthesizeRun), ExportFormat.JSONL, out("p.jsonl"))
                        .withFilter(new ExportFilter(Map.of("tone", Set.of("polite")), Set.of(), Set.of())));
        assertThat(jsonLines(polite.files().get(0)))
                .extracting(n -> n.at("/conditions/tone").asText())
                .hasSize(3)
                .containsOnly("polite");

        ExportReport labelled =
                export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out("l.jsonl"))
                        .withFilter(new ExportFilter(Map.of(), Set.of("lost_or_stolen_card"), Set.of())));
        assertThat(jsonLines(labelled.files().get(0)))
                .extracting(n -> n.get("input").asText())
                .containsExactly(QUESTIONS.get(3), QUESTIONS.get(4));

        ExportReport invalid = export(ExportRequest.of(List.of(fixture.annotateRun), ExportFormat.JSONL, out("f.jsonl"))
                .withFilter(new ExportFilter(Map.of(), Set.of(), Set.of("invalid"))));
        assertThat(invalid.total()).isZero();
    }

    @Test
    void splitIsSeededAndStratifiedByLabel() throws Exception {
        long version = RunFixture.promptVersion(dir.resolve("split.mv.db"), "intents", PromptMode.ANNOTATE);
        try (Project other = new H2ProjectOpener().open(dir.resolve("split.mv.db"))) {
            List<Sample> samples = RunFixture.run(other, version, PromptMode.ANNOTATE, 60);
            other.decisions()
                    .decide(samples.stream()
                            .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null))
                            .toList());
            ExportRequest request = ExportRequest.of(
                            List.of(samples.get(0).runId()),
                            ExportFormat.CLASSIFICATION,
                            dir.resolve("split").resolve("intents.jsonl"))
                    .withSplit(new SplitRatios(0.6, 0.2, 0.2, 3));
            ExportReport first = new Exporter(other.exportSources()).export(request, ExportProgress.NONE);

            assertThat(first.written())
                    .containsEntry("train", 36)
                    .containsEntry("validation", 12)
                    .containsEntry("test", 12);
            // 6 labels x 10 samples: every label has 6 / 2 / 2.
            for (String split : List.of("train", "validation", "test")) {
                Map<String, Integer> perLabel = new HashMap<>();
                jsonLines(request.fileOf(Split.valueOf(split.toUpperCase(java.util.Locale.ROOT))))
                        .forEach(n -> perLabel.merge(n.get("label").asText(), 1, Integer::sum));
                assertThat(perLabel.values()).as(split).containsOnly(split.equals("train") ? 6 : 2);
            }
            String train = Files.readString(first.files().get(0));
            new Exporter(other.exportSources()).export(request, ExportProgress.NONE);
            assertThat(Files.readString(first.files().get(0)))
                    .as("same seed, same split")
                    .isEqualTo(train);
            new Exporter(other.exportSources())
                    .export(request.withSplit(new SplitRatios(0.6, 0.2, 0.2, 4)), ExportProgress.NONE);
            assertThat(Files.readString(first.files().get(0)))
                    .as("other seed, other split")
                    .isNotEqualTo(train);
        }
    }

    @Test
    void theCardRecordsPromptTextCountsDecisionsAndDiversity() throws Exception {
        ExportReport report = export(ExportRequest.of(
                List.of(fixture.annotateRun, fixture.synthesizeRun), ExportFormat.JSONL, out("both.jsonl")));

        String card = Files.readString(report.card());
        assertThat(report.card()).isEqualTo(out("both.jsonl").resolveSibling("README.md"));
        assertThat(card)
                .startsWith("---\npretty_name: \"both\"\n")
                .contains("configs:\n- config_name: default\n  data_files:\n  - split: all\n    path: \"both.jsonl\"")
                .contains("| all | `both.jsonl` | 9 |")
                .contains("| lost_or_stolen_card | 2 |", "| (no label) | 5 |")
                .contains("\"role\" : \"" + ExportFixture.SYSTEM + "\"")
                .contains("Write a story in a {{condition.tone}} tone.")
                .contains("- **stories**: plan `all`, seed 11", "  - tone: angry ×1.0, polite ×1.0")
                .contains(
                        "| #" + fixture.annotateRun + " | intents v1 | annotate | openai | http://127.0.0.1:1/v1 | tiny"
                                + " | `{\"temperature\":0.2}` | 5 |")
                .contains("| #" + fixture.annotateRun + " | 4 | 1 | 1 | 0 | 0 | 0 |")
                .contains("| #" + fixture.synthesizeRun + " | 4 | 1 | 1 | 0 | 1 | 0 |")
                .contains("Left out as demonstrations shown in their run: 1")
                .contains("| texts | 9 |", "| distinct-1 |", "| self-BLEU |");
    }

    private ExportReport export(ExportRequest request) {
        return new Exporter(project.exportSources()).export(request, ExportProgress.NONE);
    }

    private Path out(String name) {
        return dir.resolve("out").resolve(name);
    }

    private static List<String> texts(ExportReport report) throws Exception {
        return jsonLines(report.files().get(0)).stream()
                .map(n -> n.get("input"))
                .map(JsonNode::asText)
                .toList();
    }
}
