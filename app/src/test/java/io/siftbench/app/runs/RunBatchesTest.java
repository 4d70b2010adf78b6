package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siftbench.app.backends.LoopbackBatches;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BatchReport;
import io.siftbench.model.runs.BatchSubmission;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run's missing slots as a batch-input file and a batch-output file back as its samples, on a real project file,
 * against a loopback server speaking the OpenAI protocol (and, for a submitted batch, its files and batches API).
 */
class RunBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LoopbackProject loop = new LoopbackProject();

    private DatasetInfo questions;
    private StoredVersion prompt;
    private RunBatches batches;

    @BeforeEach
    void setUp() throws Exception {
        questions = loop.importCsv(
                "q", "text\nwhere is my card\nwhy this fee\ncard not here\nfee twice\nhello there\ncard late\n");
        prompt = loop.project()
                .prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate",
                 "task": {"labels": [{"name": "card_arrival"}, {"name": "fees"}]},
                 "template": {"user": "Q: {{text}}"}}
                """,
                        "intent.json"));
        // Fees for a fee, no JSON at all for a greeting (an invalid sample), the card otherwise.
        loop.server().always(LoopbackServer.answering(request -> {
            String question = LoopbackServer.lastUserMessage(request);
            return question.contains("hello")
                    ? "no idea"
                    : question.contains("fee") ? "{\"label\": \"fees\"}" : "{\"label\": \"card_arrival\"}";
        }));
        batches = new RunBatches(
                loop.project(),
                new ProjectRuns(loop.project(), loop.backends(), EmbeddingModels::miniLm),
                loop.backends()::configOf);
    }

    private RunInfo newRun(int votes) {
        return loop.launcher()
                .create(new RunConfig(
                        prompt.id(),
                        prompt.mode(),
                        loop.backend(),
                        "{}",
                        questions.id(),
                        7,
                        1,
                        6,
                        votes,
                        RunDetails.of(null, GenerationParameters.DEFAULT.withMaxTokens(64))
                                .toJson()));
    }

    private List<Sample> samples(RunInfo run) {
        return loop.project().samples().list(run.id(), 0, 100);
    }

    private Path export(RunInfo run) throws Exception {
        Path file = loop.dir().resolve("run" + run.id() + "-batch.jsonl");
        batches.export(run.id(), file, ExportProgress.NONE, () -> false);
        return file;
    }

    /** The server's answers to a batch file's requests, as a batch runner writes them. */
    private List<String> answered(Path input) throws Exception {
        return LoopbackBatches.answers(loop.server().url() + "/chat/completions", Files.readAllLines(input));
    }

    private BatchReport importLines(RunInfo run, List<String> lines) throws Exception {
        Path file = Files.write(loop.dir().resolve("output-" + System.nanoTime() + ".jsonl"), lines);
        return batches.importOutput(run.id(), file, ExportProgress.NONE, () -> false);
    }

    @Test
    void aBatchFileHoldsTheLiveRequestsAndItsOutputImportsAsTheLiveRunsSamples() throws Exception {
        RunInfo batch = newRun(2);
        RunInfo live = newRun(2);
        Path input = export(batch);
        loop.launcher().execute(live.id(), (s, p) -> {}, () -> false);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(input)) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(12).allSatisfy(line -> {
            assertThat(line.path("method").asText()).isEqualTo("POST");
            assertThat(line.path("url").asText()).isEqualTo("/v1/chat/completions");
        });
        assertThat(lines.get(0).path("custom_id").asText())
                .isEqualTo(
                        "run" + batch.id() + "-" + samples(live).get(0).slot().key() + "-vote1");
        // Every body is a request the live run sent for the same slot and vote (same seed, messages, schema).
        assertThat(new HashSet<>(lines.stream().map(l -> l.get("body")).toList()))
                .isEqualTo(new HashSet<>(loop.server().bodies()));
        JsonNode body = lines.get(0).get("body");
        assertThat(body.path("model").asText()).isEqualTo("tiny");
        assertThat(body.path("seed").isInt()).isTrue();
        assertThat(body.path("max_tokens")
                        .asInt(body.path("max_completion_tokens").asInt()))
                .isEqualTo(64);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");

        BatchReport report = importLines(batch, answered(input));

        assertThat(report.imported()).isEqualTo(6);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.failed() + report.missing()).isZero();
        assertThat(report.status()).isEqualTo("completed");
        Function<Sample, List<Object>> asStored = s -> java.util.Arrays.asList(
                s.slot().key(),
                s.label(),
                s.parsed(),
                s.valid(),
                s.validationError(),
                s.rawOutput(),
                s.votes(),
                s.confidence(),
                s.model(),
                s.parameters(),
                s.seed(),
                s.promptTokens(),
                s.completionTokens(),
                s.finishReason());
        assertThat(samples(batch).stream().map(asStored).toList())
                .isEqualTo(samples(live).stream().map(asStored).toList());
        assertThat(loop.project().runs().find(batch.id()).orElseThrow().status().id())
                .isEqualTo("completed");
    }

    @Test
    void anOutputFileWithMissingDuplicatedFailedAndForeignLinesStoresOnlyTheValidUnseenAnswers() throws Exception {
        RunInfo run = newRun(1);
        List<String> answers = answered(export(run));
        String prefix = "run" + run.id() + "-";
        Map<String, String> byId = answers.stream()
                .collect(Collectors.toMap(a -> customId(a), a -> a, (a, b) -> a, java.util.LinkedHashMap::new));
        List<String> ids = new ArrayList<>(byId.keySet());
        ObjectNode failed = JSON.createObjectNode().put("id", "batch_req_x").put("custom_id", ids.get(2));
        failed.putObject("response")
                .put("status_code", 500)
                .put("request_id", "r")
                .putObject("body")
                .putObject("error")
                .put("message", "the GPU fell over");
        failed.putNull("error");

        BatchReport report = importLines(
                run,
                List.of(
                        byId.get(ids.get(0)),
                        byId.get(ids.get(1)),
                        withContent(byId.get(ids.get(1)), "a second answer"),
                        failed.toString(),
                        "{\"custom_id\": \"" + ids.get(3) + "\", \"response\": ",
                        byId.get(ids.get(3)).replace(prefix, "run999-")));

        assertThat(report.lines()).isEqualTo(6);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.missing()).isEqualTo(3);
        assertThat(report.firstMissing()).containsExactly(ids.get(3), ids.get(4), ids.get(5));
        assertThat(report.duplicated()).containsExactly(new BatchReport.Duplicate(ids.get(1), 3, 2));
        assertThat(report.badLines()).containsExactly(new BatchReport.BadLine(5, "not JSON"));
        assertThat(report.foreign())
                .containsExactly(new BatchReport.Foreign(
                        ids.get(3).replace(prefix, "run999-"), 6, "not a request of run " + run.id()));
        assertThat(report.status()).isEqualTo("cancelled");
        assertThat(report.text())
                .contains("2 imported", "1 failed", "3 still missing", "Line 3: " + ids.get(1) + " again (line 2 kept)")
                .contains("Line 5: not JSON");
        List<Sample> stored = samples(run);
        assertThat(stored).hasSize(3);
        // The first line of a duplicated id is the one kept; the failed line is a failed sample, as live.
        assertThat(stored.stream()
                        .filter(s -> s.slot().key().equals(ids.get(1).substring(prefix.length())))
                        .findFirst()
                        .orElseThrow()
                        .rawOutput())
                .isEqualTo(contentOf(byId.get(ids.get(1))))
                .isNotEqualTo("a second answer");
        assertThat(stored.stream()
                        .filter(Sample::failed)
                        .findFirst()
                        .orElseThrow()
                        .error())
                .contains("the GPU fell over");

        // The run stays resumable by another file: the failed and missing slots, and nothing stored twice.
        BatchReport rest = importLines(run, answers);
        assertThat(rest.imported()).isEqualTo(4);
        assertThat(rest.foreign())
                .extracting(BatchReport.Foreign::reason)
                .containsExactly("its slot already has a sample", "its slot already has a sample");
        assertThat(rest.status()).isEqualTo("completed");
        assertThat(samples(run)).hasSize(6).noneMatch(Sample::failed);
    }

    @Test
    void aFileThatIsNoBatchOutputStoresNothing() throws Exception {
        RunInfo run = newRun(1);
        Path input = export(run);

        assertThatThrownBy(() -> batches.importOutput(run.id(), input, ExportProgress.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a batch output file: line 1 is a batch-input line")
                .hasMessageContaining("Nothing was imported");
        assertThat(samples(run)).isEmpty();
    }

    @Test
    void aBatchSubmittedToAServerWithTheBatchesApiIsFollowedAndImported() throws Exception {
        RunInfo run = newRun(1);
        assertThatThrownBy(() -> batches.submit(run.id(), Duration.ofMillis(20), ExportProgress.NONE, () -> false))
                .hasMessageContaining("does not offer the batches API");
        LoopbackBatches api = LoopbackBatches.on(loop.server());
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

        BatchSubmission done =
                batches.submit(run.id(), Duration.ofMillis(20), (d, t, what) -> said.add(what), () -> false);

        assertThat(api.uploadedPurposes()).containsExactly("batch");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.report().imported()).isEqualTo(6);
        assertThat(done.report().status()).isEqualTo("completed");
        assertThat(Path.of(done.output())).exists();
        assertThat(said).anyMatch(s -> s.startsWith("Batch " + done.batch() + " in progress"));
        assertThat(samples(run)).hasSize(6).filteredOn(Sample::valid).hasSize(5);
    }

    private static String customId(String line) {
        try {
            return JSON.readTree(line).get("custom_id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentOf(String line) throws Exception {
        return JSON.readTree(line)
                .at("/response/body/choices/0/message/content")
                .asText();
    }

    /** {@code line} with the model's answer replaced by {@code content}. */
    private static String withContent(String line, String content) throws Exception {
        JsonNode node = JSON.readTree(line);
        ((ObjectNode) node.at("/response/body/choices/0/message")).put("content", content);
        return node.toString();
    }
}
