package io.siftbench.storage.export;

import static io.siftbench.storage.export.ExportFixture.EDITED_STORY;
import static io.siftbench.storage.export.ExportFixture.LABELS;
import static io.siftbench.storage.export.ExportFixture.QUESTIONS;
import static io.siftbench.storage.export.ExportFixture.STORIES;
import static io.siftbench.storage.export.ExportFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.export.ExportReport;
import io.siftbench.model.export.ExportRequest;
import io.siftbench.model.export.Exporter;
import io.siftbench.model.export.FormulaGuard;
import io.siftbench.model.runs.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every format exported from a small curated run in a real project file, parsed back, checked field by
 * field, and imported back as a dataset with the text unchanged byte for byte.
 */
class ExportFormatsTest extends CuratedProjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The curated annotate set: records 2..5 (record 1 was the demonstration, record 6 rejected). */
    private static final List<String> KEPT_QUESTIONS = QUESTIONS.subList(1, 5);

    private static final List<String> KEPT_LABELS =
            List.of(LABELS.get(1), LABELS.get(2), LABELS.get(3), "lost_or_stolen_card");
    /** The curated synthesize set: stories 1, 2 (edited), 4, 5, 6; story 3 rejected, story 7 undecided. */
    private static final List<String> KEPT_STORIES =
            List.of(STORIES.get(0), EDITED_STORY, STORIES.get(3), STORIES.get(4), STORIES.get(5));

    @Test
    void jsonlCarriesEveryFieldAndComesBackByteForByte() throws Exception {
        ExportReport report = export(fixture.annotateRun, ExportFormat.JSONL, "intents.jsonl");

        List<JsonNode> lines = jsonLines(report.files().get(0));
        assertThat(lines).extracting(n -> n.get("input").asText()).containsExactlyElementsOf(KEPT_QUESTIONS);
        assertThat(lines).extracting(n -> n.get("output").asText()).containsExactlyElementsOf(KEPT_LABELS);
        JsonNode edited = lines.get(3);
        assertThat(edited.get("id").asLong()).isEqualTo(fixture.annotated.get(4).id());
        assertThat(edited.get("label").asText()).isEqualTo("lost_or_stolen_card");
        assertThat(edited.at("/decision/status").asText()).isEqualTo("edited");
        assertThat(edited.at("/decision/note").asText()).isEqualTo("stolen, not blocked");
        assertThat(edited.at("/decision/original_output").asText()).isEqualTo("pin_blocked");
        assertThat(edited.at("/provenance/prompt").asText()).isEqualTo("intents");
        assertThat(edited.at("/provenance/model").asText()).isEqualTo("tiny");
        assertThat(edited.at("/provenance/endpoint").asText()).isEqualTo(ExportFixture.ENDPOINT);
        assertThat(edited.at("/provenance/seed").asLong()).isEqualTo(5);
        assertThat(edited.at("/provenance/record_id").asLong()).isEqualTo(5);
        assertThat(edited.at("/provenance/demonstration_ids/0").asLong()).isEqualTo(1);
        assertThat(edited.at("/provenance/messages/0/content").asText()).isEqualTo(SYSTEM);
        assertThat(edited.at("/provenance/parameters").asText()).isEqualTo("{\"temperature\":0.2}");

        List<DatasetRecord> back = reimport(report.files().get(0), "intents-back");
        assertThat(back).extracting(r -> r.text("input")).containsExactlyElementsOf(KEPT_QUESTIONS);
        assertThat(back).extracting(r -> r.text("output")).containsExactlyElementsOf(KEPT_LABELS);
        // Nested fields come back as JSON text columns; their strings are intact inside.
        assertThat(JSON.readTree(back.get(3).text("decision"))
                        .get("original_output")
                        .asText())
                .isEqualTo("pin_blocked");
    }

    @Test
    void csvGuardsHostileCellsAndComesBackExactlyOnceUnguarded() throws Exception {
        ExportReport report = export(fixture.synthesizeRun, ExportFormat.CSV, "stories.csv");

        List<Map<String, String>> rows = csvRows(report.files().get(0));
        assertThat(rows)
                .extracting(r -> r.get("output"))
                .containsExactly(
                        "'=cmd|' /C calc'!A0",
                        "'+2 for the polite clerk, edited",
                        "'\tA tab starts this one",
                        "''Quoted' from the start, with \"inner\" quotes",
                        "Two lines,\nthe second \r\nafter CRLF");
        assertThat(rows).extracting(r -> FormulaGuard.unguard(r.get("output"))).containsExactlyElementsOf(KEPT_STORIES);
        assertThat(rows)
                .extracting(r -> r.get("condition.tone"))
                .containsExactly("angry", "polite", "polite", "angry", "polite");
        assertThat(rows)
                .extracting(r -> r.get("status"))
                .containsExactly("accepted", "edited", "accepted", "accepted", "accepted");
        assertThat(rows.get(1).get("original_output")).isEqualTo("'+1 for the polite clerk");

        List<DatasetRecord> back = reimport(report.files().get(0), "stories-back");
        assertThat(back)
                .extracting(r -> FormulaGuard.unguard(r.text("output")))
                .containsExactlyElementsOf(KEPT_STORIES);
    }

    @Test
    void alpacaIsInstructionInputOutput() throws Exception {
        ExportReport report = export(fixture.annotateRun, ExportFormat.ALPACA, "alpaca.jsonl");

        List<JsonNode> lines = jsonLines(report.files().get(0));
        assertThat(lines).allSatisfy(n -> {
            assertThat(n.properties()).extracting(Map.Entry::getKey).containsExactly("instruction", "input", "output");
            assertThat(n.get("instruction").asText()).isEqualTo(SYSTEM);
        });
        assertThat(lines).extracting(n -> n.get("input").asText()).containsExactlyElementsOf(KEPT_QUESTIONS);
        assertThat(lines).extracting(n -> n.get("output").asText()).containsExactlyElementsOf(KEPT_LABELS);

        List<DatasetRecord> back = reimport(report.files().get(0), "alpaca-back");
        assertThat(back).extracting(r -> r.text("input")).containsExactlyElementsOf(KEPT_QUESTIONS);
        assertThat(back).extracting(r -> r.text("instruction")).containsOnly(SYSTEM);
    }

    @Test
    void chatIsTheMessagesThenTheCuratedAnswer() throws Exception {
        ExportReport report = export(fixture.synthesizeRun, ExportFormat.CHAT, "chat.jsonl");

        List<JsonNode> lines = jsonLines(report.files().get(0));
        assertThat(lines).hasSize(KEPT_STORIES.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode messages = lines.get(i).get("messages");
            assertThat(lines.get(i).size()).isEqualTo(1);
            assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant");
            assertThat(messages.get(2).get("content").asText()).isEqualTo(KEPT_STORIES.get(i));
        }
        assertThat(lines.get(1).at("/messages/1/content").asText()).isEqualTo("Write a story in a polite tone.");

        // The messages array comes back as one JSON-text column; the assistant's text inside is unchanged.
        List<DatasetRecord> back = reimport(report.files().get(0), "chat-back");
        List<String> answers = new ArrayList<>();
        for (DatasetRecord r : back) {
            answers.add(JSON.readTree(r.text("messages")).get(2).get("content").asText());
        }
        assertThat(answers).containsExactlyElementsOf(KEPT_STORIES);
    }

    @Test
    void classificationIsTextAndLabel() throws Exception {
        ExportReport report = export(fixture.annotateRun, ExportFormat.CLASSIFICATION, "intents-cls.jsonl");

        List<JsonNode> lines = jsonLines(report.files().get(0));
        assertThat(lines)
                .allSatisfy(n ->
                        assertThat(n.properties()).extracting(Map.Entry::getKey).containsExactly("text", "label"));
        assertThat(lines).extracting(n -> n.get("text").asText()).containsExactlyElementsOf(KEPT_QUESTIONS);
        assertThat(lines).extracting(n -> n.get("label").asText()).containsExactlyElementsOf(KEPT_LABELS);

        List<DatasetRecord> back = reimport(report.files().get(0), "cls-back");
        assertThat(back).extracting(r -> r.text("text")).containsExactlyElementsOf(KEPT_QUESTIONS);
        DatasetInfo info = project.datasets().find("cls-back").orElseThrow();
        assertThat(info.textColumn()).isEqualTo("text");
        assertThat(info.labelColumn()).isEqualTo("label");
    }

    @Test
    void preferencePairsComeFromCompareAndFromEdits() throws Exception {
        Sample chosen = fixture.synthesized.get(4);
        Sample rejected = fixture.synthesized.get(6);
        project.preferences().prefer(chosen.id(), rejected.id());

        ExportReport report = export(fixture.synthesizeRun, ExportFormat.DPO, "pairs.jsonl");

        List<JsonNode> lines = jsonLines(report.files().get(0));
        assertThat(lines).extracting(n -> n.get("source").asText()).containsExactly("compare", "edit");
        JsonNode compare = lines.get(0);
        assertThat(compare.get("prompt").asText())
                .isEqualTo("You write short stories about banking.\n\nWrite a story in a angry tone.");
        assertThat(compare.get("chosen").asText()).isEqualTo(STORIES.get(4));
        assertThat(compare.get("rejected").asText()).isEqualTo(STORIES.get(6));
        JsonNode edit = lines.get(1);
        assertThat(edit.get("chosen").asText()).isEqualTo(EDITED_STORY);
        assertThat(edit.get("rejected").asText()).isEqualTo(STORIES.get(1));

        List<DatasetRecord> back = reimport(report.files().get(0), "pairs-back");
        assertThat(back).extracting(r -> r.text("chosen")).containsExactly(STORIES.get(4), EDITED_STORY);
        assertThat(back).extracting(r -> r.text("rejected")).containsExactly(STORIES.get(6), STORIES.get(1));
    }

    private ExportReport export(long run, ExportFormat format, String name) {
        return new Exporter(project.exportSources())
                .export(
                        ExportRequest.of(
                                List.of(run), format, dir.resolve("out").resolve(name)),
                        ExportProgress.NONE);
    }

    private List<DatasetRecord> reimport(Path file, String name) {
        DatasetInfo info = project.datasets()
                .importFile(ImportOptions.of(file).withName(name), ImportProgress.NONE)
                .dataset();
        List<DatasetRecord> records = new ArrayList<>();
        project.datasets().forEachRecord(info.id(), records::add);
        return records;
    }

    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    static List<Map<String, String>> csvRows(Path file) throws IOException {
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            return rows.readAll();
        }
    }
}
