package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.NewRun;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs end to end: prompt versions from the store, Banking77 from ../shared, the real OpenAI client of
 * langchain4j against a loopback server that speaks the protocol, and every sample in a real project file.
 */
class ProjectRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private Project project;
    private LoopbackServer server;

    @BeforeEach
    void open() {
        project = fixture.project();
        server = fixture.server();
    }

    @Test
    void annotates200Banking77RecordsWithThe77LabelsAsTheSchema() throws Exception {
        Path train = SharedFixtures.require("data/banking77/train.csv");
        List<String> labels = List.of(JSON.readValue(
                SharedFixtures.require("data/banking77/categories.json").toFile(), String[].class));
        DatasetInfo b77 = project.datasets()
                .importFile(ImportOptions.of(train), ImportProgress.NONE)
                .dataset();
        Map<String, String> gold = new HashMap<>();
        project.datasets().forEachRecord(b77.id(), r -> gold.put(r.text("text"), r.text("category")));
        // The model answers the gold label, except for questions with a "?" at the end, where it invents one.
        server.always(LoopbackServer.answering(request -> {
            String question = LoopbackServer.lastUserMessage(request)
                    .replaceFirst("(?s).*Q: ", "")
                    .replaceFirst("\\nA:$", "");
            return question.endsWith("?")
                    ? "{\"label\": \"not_a_label\"}"
                    : "{\"label\": \"" + gold.get(question) + "\"}";
        }));
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate",
                 "task": {"role": "You label banking questions.", "labels": %s, "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}", "user": "Q: {{text}}\\nA:"}}
                """
                                .formatted(labels.stream()
                                        .map(l -> "{\"name\": \"" + l + "\"}")
                                        .collect(Collectors.joining(",", "[", "]"))),
                        "intent.json"));

        RunInfo run = start(annotate(prompt, b77, 200, 1));

        List<Sample> samples = project.samples().list(run.id(), 0, 1000);
        assertThat(samples).hasSize(200).extracting(s -> s.slot().recordId()).doesNotHaveDuplicates();
        JsonNode schema = server.bodies()
                .get(0)
                .path("response_format")
                .path("json_schema")
                .path("schema");
        assertThat(schema.path("properties").path("label").path("enum")).hasSize(77);
        for (Sample s : samples) {
            String question = project.datasets()
                    .records(b77.id(), List.of(s.slot().recordId()))
                    .get(0)
                    .text("text");
            if (question.endsWith("?")) {
                assertThat(s.valid()).as(question).isFalse();
                assertThat(s.validationError()).contains("not_a_label");
                assertThat(s.rawOutput()).isEqualTo("{\"label\": \"not_a_label\"}");
            } else {
                assertThat(s.valid()).as(question).isTrue();
                assertThat(s.label()).isEqualTo(gold.get(question));
            }
            assertThat(s.promptTokens()).isPositive();
            assertThat(s.slot().messages().get(1).content()).isEqualTo("Q: " + question + "\nA:");
        }
        assertThat(samples).filteredOn(Sample::valid).hasSizeGreaterThan(50);
        assertThat(samples).filteredOn(s -> !s.valid()).hasSizeGreaterThan(10);
    }

    @Test
    void synthesizes120SamplesOverTheSwitchedOnValuesOnly() throws Exception {
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "questions", "mode": "synthesize",
                 "task": {"role": "You write customer questions.", "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}",
                   "user": "Write a question{{#condition.topic}} about {{condition.topic}}{{/condition.topic}}{{#condition.tone}}, {{condition.tone}}{{/condition.tone}}{{#condition.length}}, {{condition.length}}{{/condition.length}}."},
                 "conditions": [
                   {"name": "topic", "enabled": true, "values": [{"value": "cards"}, {"value": "transfers"}, {"value": "fees"}, {"value": "crypto", "enabled": false}]},
                   {"name": "tone", "enabled": false, "values": [{"value": "angry"}, {"value": "polite"}]},
                   {"name": "length", "enabled": false, "values": [{"value": "short"}, {"value": "long"}]}],
                 "plan": {"kind": "balanced", "seed": 11},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """,
                        "questions.json"));
        server.always(LoopbackServer.answering(request -> "{\"text\": \""
                + LoopbackServer.lastUserMessage(request).replace("Write a question about ", "Q on ") + "\"}"));

        RunInfo run = start(new RunConfig(
                prompt.id(),
                prompt.mode(),
                fixture.backend(),
                "{}",
                null,
                5,
                4,
                120,
                1,
                RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));

        List<Sample> samples = project.samples().list(run.id(), 0, 1000);
        assertThat(samples).hasSize(120).allSatisfy(s -> assertThat(s.conditions())
                .containsOnlyKeys("topic"));
        Map<String, Long> perTopic = samples.stream()
                .collect(Collectors.groupingBy(s -> s.conditions().get("topic"), Collectors.counting()));
        assertThat(perTopic).containsOnlyKeys("cards", "transfers", "fees").allSatisfy((t, n) -> assertThat(n)
                .isEqualTo(40));
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.text()).isEqualTo("Q on " + s.conditions().get("topic") + ".");
            assertThat(s.slot().messages().get(1).content())
                    .doesNotContain("angry", "polite", "short", "long", "crypto");
        });
    }

    @Test
    void selfConsistencyKeepsEveryVoteAndTakesTheMajority() throws Exception {
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "votes", "mode": "annotate",
                 "task": {"role": "Label it.", "labels": [{"name": "a"}, {"name": "b"}], "rationale": false, "confidence": false},
                 "template": {"user": "{{text}}"}}
                """,
                        "votes.json"));
        DatasetInfo items = fixture.importCsv("items", "text\none\ntwo\nthree\n");
        // Each of the three votes of a record carries its own seed: the first two say "a", the third "b".
        Map<String, Integer> seen = new HashMap<>();
        server.always(LoopbackServer.answering(request -> {
            int n;
            synchronized (seen) {
                n = seen.merge(LoopbackServer.lastUserMessage(request), 1, Integer::sum);
            }
            return n <= 2 ? "{\"label\": \"a\"}" : "{\"label\": \"b\"}";
        }));

        RunInfo run = start(annotate(prompt, items, null, 3));

        List<Sample> samples = project.samples().list(run.id(), 0, 10);
        assertThat(samples).hasSize(3).allSatisfy(s -> {
            assertThat(s.votes()).containsExactly("a", "a", "b");
            assertThat(s.label()).isEqualTo("a");
            assertThat(s.confidence()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(server.bodies())
                .extracting(b -> b.path("seed").asInt())
                .doesNotHaveDuplicates()
                .hasSize(9);
    }

    @Test
    void annotatesOnlyTheRecordsTheFilterTakesAndASeededSubsetOfThem() throws Exception {
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "filtered", "mode": "annotate",
                 "task": {"labels": [{"name": "a"}, {"name": "b"}]},
                 "template": {"user": "{{text}}"}}
                """,
                        "filtered.json"));
        StringBuilder csv = new StringBuilder("text,topic\n");
        for (int i = 0; i < 30; i++) {
            csv.append("question ")
                    .append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "cards" : "fees")
                    .append('\n');
        }
        DatasetInfo questions = fixture.importCsv("questions", csv.toString());
        server.always(LoopbackServer.answer("{\"label\": \"a\"}"));
        RunDetails onlyCards = RunDetails.of(null, GenerationParameters.DEFAULT).withWhere("topic", "cards");

        RunInfo all = start(new NewRun(prompt, fixture.backend(), onlyCards, questions, null, 3, 2, 1).toConfig(10));
        RunInfo some = start(new NewRun(
                        prompt,
                        fixture.backend(),
                        RunDetails.of(4, GenerationParameters.DEFAULT).withWhere("topic", "cards"),
                        questions,
                        null,
                        3,
                        2,
                        1)
                .toConfig(10));

        assertThat(all.config().target()).isEqualTo(10);
        assertThat(texts(all)).hasSize(10).allSatisfy(t -> assertThat(Integer.parseInt(t.substring(9)) % 3)
                .isZero());
        assertThat(some.config().target()).isEqualTo(4);
        assertThat(texts(some)).hasSize(4).isSubsetOf(texts(all));
        assertThat(RunDetails.fromJson(some.config().details()).whereValue()).isEqualTo("cards");
    }

    @Test
    void aRunThatCannotBePlannedSaysFailedNotRunning() {
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "borrowing", "mode": "synthesize",
                 "template": {"user": "{{#demos}}{{text}}{{/demos}} Write one more."},
                 "demonstrations": {"dataset": "gone", "strategy": "random", "k": 2, "text": "text", "label": "label"},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                """,
                        "borrowing.json"));
        RunLauncher launcher = fixture.launcher();
        RunInfo run = launcher.create(new NewRun(
                        prompt, fixture.backend(), RunDetails.of(null, GenerationParameters.DEFAULT), null, 3, 3, 1, 1)
                .toConfig());

        assertThatThrownBy(() -> launcher.execute(run.id(), (s, p) -> {}, () -> false))
                .hasMessageContaining("dataset 'gone'");
        assertThat(project.runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(server.chatRequests()).isZero();
    }

    @Test
    void anAnnotatePromptNeverSeesTheGoldLabelAndSeesItsRecordAsJson() throws Exception {
        DatasetInfo questions = fixture.importCsv(
                "gold",
                "text,category,intent,channel\n"
                        + "Where is my card?,card_arrival,card_arrival,app\nMy card was stolen,lost_or_stolen_card,x,web\n");
        assertThat(questions.labelColumn())
                .as("the label column the import marked")
                .isEqualTo("category");
        server.always(LoopbackServer.answering(request -> "{\"label\": \"card_arrival\"}"));
        // The demonstrations take their labels from "intent": a record's intent is an answer too.
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "peek", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                 "template": {"user": "{{record}} [{{category}}{{record.category}}{{intent}}] {{#demos}}{{/demos}}"},
                 "demonstrations": {"dataset": "gold", "k": 0, "label": "intent"}}
                """,
                        "peek.json"));
        RunDetails onlyCardArrival =
                RunDetails.of(null, GenerationParameters.DEFAULT).withWhere("category", "card_arrival");

        RunInfo run = start(new RunConfig(
                prompt.id(),
                prompt.mode(),
                fixture.backend(),
                "{}",
                questions.id(),
                3,
                1,
                1,
                1,
                onlyCardArrival.toJson()));

        assertThat(texts(run))
                .as("the filter still reads the gold column; the prompt never shows it")
                .containsExactly("{\"text\": \"Where is my card?\", \"channel\": \"app\"} [] ");
    }

    @Test
    void aRunWhosePlanningDiesOfAnErrorSaysFailedNotRunning() throws Exception {
        RunInfo run = fixture.fiveQuestionRun();
        RunLauncher launcher = new RunLauncher(
                project.runs(),
                project.samples(),
                r -> {
                    throw new StackOverflowError();
                },
                r -> {
                    throw new IllegalStateException("a run that was not planned is never sampled");
                });

        assertThatThrownBy(() -> launcher.execute(run.id(), (s, p) -> {}, () -> false))
                .isInstanceOf(StackOverflowError.class);
        assertThat(project.runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(server.chatRequests()).isZero();
    }

    /** The input texts of a run's samples, as the model saw them. */
    private List<String> texts(RunInfo run) {
        return project.samples().list(run.id(), 0, 100).stream()
                .map(s ->
                        s.slot().messages().get(s.slot().messages().size() - 1).content())
                .toList();
    }

    private RunConfig annotate(StoredVersion prompt, DatasetInfo dataset, Integer limit, int votes) {
        int target = limit == null ? (int) dataset.rows() : limit;
        return new RunConfig(
                prompt.id(),
                prompt.mode(),
                fixture.backend(),
                "{}",
                dataset.id(),
                3,
                4,
                target,
                votes,
                RunDetails.of(limit, GenerationParameters.DEFAULT).toJson());
    }

    private RunInfo start(RunConfig config) throws InterruptedException {
        RunLauncher launcher = fixture.launcher();
        RunInfo run = launcher.create(config);
        assertThat(launcher.execute(run.id(), (s, p) -> {}, () -> false)).isEqualTo(RunStatus.COMPLETED);
        return project.runs().find(run.id()).orElseThrow();
    }
}
