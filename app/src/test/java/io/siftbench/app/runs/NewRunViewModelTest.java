package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.runs.NewRunSources;
import io.siftbench.views.runs.NewRunViewModel;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The New run form on a real project file, with the user's backend pointing at a loopback server that
 * speaks the OpenAI protocol; background work runs on the calling thread, so a started run has finished
 * when {@code start()} returns.
 */
class NewRunViewModelTest {

    /** The user's backends: one elsewhere, and the default on the loopback server. */
    private BackendSettings user;

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject(() -> user);

    private Project project;
    private LoopbackServer server;
    private RunsViewModel runs;
    private NewRunViewModel form;

    @BeforeEach
    void open() {
        project = fixture.project();
        server = fixture.server();
        server.always(LoopbackServer.answering(request -> {
            String question = request.path("messages").get(1).path("content").asText();
            return "{\"label\": \"" + (question.contains("lost") ? "lost_card" : "card_arrival") + "\"}";
        }));
        user = new BackendSettings(
                List.of(
                        BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:9", "llama3.2:1b")
                                .withName("elsewhere"),
                        BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                                .withName("loopback")),
                "loopback",
                GenerationParameters.DEFAULT);
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())),
                tasks,
                new RunStarter(open.map(p -> fixture.launcher()), tasks));
        form = new NewRunViewModel(
                runs, open.map(p -> new NewRunSources(p.prompts(), p.datasets(), p.runs())), tasks, () -> user);
    }

    @Test
    void aBackendOfSeveralEndpointsStartsWithAsManyWorkersAsTheirLimitsAddUpTo() throws Exception {
        importQuestions(4);
        saveAnnotator(1);
        BackendConfig replicas = BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                .withName("replicas")
                .withEndpoints(List.of(
                        new io.siftbench.model.backends.Endpoint(server.url(), 3),
                        new io.siftbench.model.backends.Endpoint("http://127.0.0.1:9/v1", 5)));
        user = user.with(null, replicas);

        form.open();
        assertThat(form.concurrencyProperty().get())
                .as("the default backend, of one location")
                .isEqualTo(4);
        form.generation()
                .backendProperty()
                .set(form.generation().backends().stream()
                        .filter(b -> b.name().equals("replicas"))
                        .findFirst()
                        .orElseThrow());
        assertThat(form.concurrencyProperty().get()).isEqualTo(8);
    }

    @Test
    void startsAnAnnotateRunOnARandomSubsetWithTheDefaultBackend() throws Exception {
        long datasetId = importQuestions(20);
        StoredVersion v2 = saveAnnotator(2);

        form.open();
        assertThat(form.versionProperty().get()).isEqualTo(v2);
        assertThat(form.versions()).extracting(StoredVersion::version).containsExactly(2, 1);
        assertThat(form.generation().backendProperty().get().name()).isEqualTo("loopback");
        assertThat(form.generation().modelProperty().get()).isEqualTo("tiny");
        assertThat(form.annotatesBinding().get()).isTrue();
        form.randomSubsetProperty().set(true);
        form.subsetSizeProperty().set(6);
        form.seedProperty().set(9L);
        form.concurrencyProperty().set(2);

        assertThat(form.start()).isTrue();

        assertThat(runs.runs()).hasSize(1);
        RunInfo run = runs.runs().get(0);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.config().datasetId()).isEqualTo(datasetId);
        assertThat(run.config().target()).isEqualTo(6);
        assertThat(run.config().seed()).isEqualTo(9);
        assertThat(run.config().concurrency()).isEqualTo(2);
        assertThat(run.config().backend().location()).isEqualTo(server.url());
        List<Sample> samples = project.samples().list(run.id(), 0, 100);
        assertThat(samples)
                .hasSize(6)
                .allSatisfy(s -> assertThat(s.valid()).isTrue())
                .extracting(s -> s.slot().recordId())
                .doesNotHaveDuplicates();
        assertThat(server.bodies())
                .hasSize(6)
                .allSatisfy(b -> assertThat(b.path("model").asText()).isEqualTo("tiny"));
    }

    @Test
    void reRunCopiesTheRunAndChangesOnlyWhatTheUserChanged() throws Exception {
        importQuestions(8);
        saveAnnotator(1);
        form.open();
        form.votesProperty().set(3);
        form.generation().temperatureProperty().set(0.9);
        assertThat(form.start()).isTrue();
        RunInfo first = runs.runs().get(0);

        form.openFrom(first);
        assertThat(form.votesProperty().get()).isEqualTo(3);
        assertThat(form.generation().temperatureProperty().get()).isEqualTo(0.9);
        form.seedProperty().set(42L);
        assertThat(form.start()).isTrue();

        RunInfo second = runs.runs().get(0); // newest first
        assertThat(second.id()).isNotEqualTo(first.id());
        RunConfig a = first.config();
        RunConfig b = second.config();
        assertThat(b.seed()).isEqualTo(42);
        assertThat(new RunConfig(
                        b.promptVersionId(),
                        b.mode(),
                        b.backend(),
                        b.parameters(),
                        b.datasetId(),
                        a.seed(),
                        b.concurrency(),
                        b.target(),
                        b.votes(),
                        b.details()))
                .isEqualTo(a);
        assertThat(project.samples().list(second.id(), 0, 100)).hasSize(8).allSatisfy(s -> assertThat(s.votes())
                .hasSize(3));
    }

    @Test
    void theFilterCountsTheMatchingRecordsAsTheUserTypesAndTheRunTakesOnlyThose() throws Exception {
        long datasetId = importTopics();
        saveAnnotator(1);
        form.open();
        assertThat(form.filterColumns()).containsExactly("text", "topic");
        assertThat(form.matchingProperty().get()).isEmpty();

        form.filterProperty().set(true);
        form.filterColumnProperty().set("topic");
        form.filterValueProperty().set("car");
        assertThat(form.matchingProperty().get()).isEqualTo("0 of 30 records match");
        form.filterValueProperty().set("cards");
        assertThat(form.matchingProperty().get()).isEqualTo("10 of 30 records match");
        form.randomSubsetProperty().set(true);
        form.subsetSizeProperty().set(4);

        assertThat(form.start()).isTrue();

        RunInfo run = runs.runs().get(0);
        assertThat(run.config().datasetId()).isEqualTo(datasetId);
        assertThat(run.config().target()).isEqualTo(4);
        RunDetails details = RunDetails.fromJson(run.config().details());
        assertThat(details.whereColumn()).isEqualTo("topic");
        assertThat(details.whereValue()).isEqualTo("cards");
        assertThat(questions(run)).hasSize(4).allSatisfy(q -> assertThat(q).contains(" lost"));

        form.filterValueProperty().set("loans");
        assertThat(form.matchingProperty().get()).isEqualTo("0 of 30 records match");
        assertThat(form.start()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("No record of dataset 'topics' has topic = loans.");
        assertThat(project.runs().list()).hasSize(1);
        assertThat(server.chatRequests()).isEqualTo(4);
    }

    @Test
    void reRunKeepsTheFilterTheCellsAndTheParametersTheFormDoesNotShow() throws Exception {
        long datasetId = importTopics();
        StoredVersion prompt = saveAnnotator(1);
        RunDetails stored = new RunDetails(
                null,
                0.3,
                0.8,
                64,
                List.of("\n\n"),
                30,
                List.of(java.util.Map.of("tone", "calm")),
                "topic",
                "cards",
                null,
                null,
                null);
        // Stored as projects before the split did: the whole details in the parameters too.
        RunInfo old = project.runs()
                .find(project.runs()
                        .create(new RunConfig(
                                prompt.id(),
                                prompt.mode(),
                                fixture.backend(),
                                stored.toJson(),
                                datasetId,
                                1,
                                2,
                                10,
                                1,
                                stored.toJson())))
                .orElseThrow();

        form.openFrom(old);
        assertThat(form.filterProperty().get()).isTrue();
        assertThat(form.filterColumnProperty().get()).isEqualTo("topic");
        assertThat(form.filterValueProperty().get()).isEqualTo("cards");
        assertThat(form.matchingProperty().get()).isEqualTo("10 of 30 records match");
        form.seedProperty().set(42L);
        assertThat(form.start()).isTrue();

        RunInfo rerun = runs.runs().get(0);
        assertThat(rerun.config().seed()).isEqualTo(42);
        assertThat(RunDetails.fromJson(rerun.config().details())).isEqualTo(stored);
        assertThat(questions(rerun)).hasSize(10).allSatisfy(q -> assertThat(q).contains(" lost"));
        assertThat(server.bodies()).hasSize(10).allSatisfy(b -> {
            assertThat(b.path("temperature").asDouble()).isEqualTo(0.3);
            assertThat(b.path("top_p").asDouble()).isEqualTo(0.8);
            assertThat(b.path("max_tokens").asInt()).isEqualTo(64);
            assertThat(b.path("stop").get(0).asText()).isEqualTo("\n\n");
        });
        // The new run keeps the generation parameters alone; its details hold the rest, once.
        com.fasterxml.jackson.databind.JsonNode parameters = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(rerun.config().parameters());
        assertThat(parameters.fieldNames())
                .toIterable()
                .containsExactly("temperature", "topP", "maxTokens", "stop", "timeoutSeconds");
        assertThat(RunDetails.fromJson(rerun.config().parameters()).parameters())
                .isEqualTo(stored.parameters());
        assertThat(project.samples().list(rerun.id(), 0, 100)).allSatisfy(s -> assertThat(s.parameters())
                .isEqualTo(rerun.config().parameters()));
    }

    @Test
    void reRunOfACommandLineRunOffersItsBackendEvenWhenTheUserHasNotSavedIt() throws Exception {
        saveAnnotator(1);
        long datasetId = importQuestions(3);
        form.open();
        assertThat(form.start()).isTrue();
        RunInfo cli = project.runs()
                .find(project.runs()
                        .create(new RunConfig(
                                form.versionProperty().get().id(),
                                form.versionProperty().get().mode(),
                                new io.siftbench.model.runs.BackendRef("openai", "http://127.0.0.1:1/v1", "other"),
                                "{}",
                                datasetId,
                                1,
                                1,
                                3,
                                1,
                                RunDetails.of(null, GenerationParameters.DEFAULT)
                                        .toJson())))
                .orElseThrow();

        form.openFrom(cli);

        assertThat(form.generation().backendProperty().get().location()).isEqualTo("http://127.0.0.1:1/v1");
        assertThat(form.generation().modelProperty().get()).isEqualTo("other");
        assertThat(form.generation().backends()).hasSize(3);
    }

    @Test
    void anIncompleteFormSaysWhyAndStartsNothing() throws Exception {
        project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "stories", "mode": "synthesize", "task": {"role": "You write."},
                 "template": {"user": "Write a story."},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """,
                        "stories.json"));
        form.open();
        assertThat(form.annotatesBinding().get()).isFalse();
        form.samplesProperty().set(0);

        assertThat(form.start()).isFalse();
        assertThat(form.problemProperty().get())
                .isEqualTo("Prompt 'stories' synthesizes: say how many samples (at least 1).");

        saveAnnotator(1);
        form.open(); // no dataset in the project
        assertThat(form.versionProperty().get().name()).isEqualTo("intent");
        assertThat(form.start()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("Prompt 'intent' annotates: choose the dataset.");
        assertThat(project.runs().list()).isEmpty();
        assertThat(server.chatRequests()).isZero();
    }

    /** 30 questions, every third one about cards, the rest about fees. */
    private long importTopics() throws Exception {
        return fixture.importCsv(
                        "topics",
                        IntStream.range(0, 30)
                                .mapToObj(i -> "card " + (i % 3 == 0 ? i + " lost,cards" : i + " late,fees"))
                                .collect(Collectors.joining("\n", "text,topic\n", "\n")))
                .id();
    }

    /** The questions of a run's samples, as the model got them. */
    private List<String> questions(RunInfo run) {
        return project.samples().list(run.id(), 0, 100).stream()
                .map(s ->
                        s.slot().messages().get(s.slot().messages().size() - 1).content())
                .toList();
    }

    private long importQuestions(int n) throws Exception {
        return fixture.importCsv(
                        "questions" + n,
                        IntStream.range(0, n)
                                .mapToObj(i -> i % 2 == 0 ? "card " + i + " lost" : "card " + i + " late")
                                .collect(Collectors.joining("\n", "text\n", "\n")))
                .id();
    }

    /** Saves {@code versions} versions of the annotate prompt "intent" and returns the newest. */
    private StoredVersion saveAnnotator(int versions) {
        StoredVersion newest = null;
        for (int v = 1; v <= versions; v++) {
            newest = project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "intent", "mode": "annotate", "note": "v%d",
                     "task": {"role": "You label.", "labels": [{"name": "lost_card"}, {"name": "card_arrival"}]},
                     "template": {"system": "{{task.role}}", "user": "Q: {{text}} (%d)"}}
                    """
                                    .formatted(v, v),
                            "intent.json"));
        }
        return newest;
    }
}
