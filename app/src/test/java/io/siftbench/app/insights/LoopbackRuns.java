package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.insights.InsightsSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A real project with story runs made through the real run machinery against a loopback OpenAI-compatible
 * server that answers each request with its own user message as the story's text.
 */
public final class LoopbackRuns implements AutoCloseable {

    public final Project project;
    public final LoopbackServer server;
    private final RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY);

    public LoopbackRuns(Path file) throws IOException {
        project = new H2ProjectOpener().open(file);
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        server.always(LoopbackServer.answering(request -> {
            var messages = request.path("messages");
            return "{\"text\": \""
                    + messages.get(messages.size() - 1).path("content").asText() + "\"}";
        }));
    }

    /** What the Insights screen reads of the project. */
    InsightsSources insights() {
        return new InsightsSources(project.runSources(), project.metricSnapshots());
    }

    RunLauncher launcher() {
        return new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
    }

    /** A completed run of {@code samples} stories over the prompt file {@code promptJson}. */
    RunInfo stories(String promptJson, int samples) throws InterruptedException {
        StoredVersion prompt = project.prompts().save(PromptFile.parse(promptJson, "story.json"));
        return start(new RunConfig(
                prompt.id(),
                prompt.mode(),
                new BackendRef("openai", server.url(), "tiny"),
                "{}",
                null,
                5,
                2,
                samples,
                1,
                RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
    }

    /**
     * A completed annotate run over the dataset {@code csv} (columns text and category, the gold label), its
     * prompt offering {@code labels}; the model answers {@code answer} of each record's text.
     */
    public RunInfo annotated(String csv, List<String> labels, UnaryOperator<String> answer) throws Exception {
        Path file = Files.createTempFile("siftbench-gold", ".csv");
        Files.writeString(file, csv);
        DatasetInfo dataset = project.datasets()
                .importFile(ImportOptions.of(file).withName("gold"), ImportProgress.NONE)
                .dataset();
        Files.delete(file);
        server.always(LoopbackServer.answering(request -> "{\"label\": \""
                + answer.apply(LoopbackServer.lastUserMessage(request).replaceFirst("^Q: ", ""))
                + "\"}"));
        StoredVersion prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate", "task": {"labels": %s},
                 "template": {"user": "Q: {{text}}"}}
                """
                                .formatted(labels.stream()
                                        .map(l -> "{\"name\": \"" + l + "\"}")
                                        .collect(Collectors.joining(",", "[", "]"))),
                        "intent.json"));
        return start(new RunConfig(
                prompt.id(),
                prompt.mode(),
                new BackendRef("openai", server.url(), "tiny"),
                "{}",
                dataset.id(),
                5,
                2,
                (int) dataset.rows(),
                1,
                RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
    }

    /** Creates the run and generates all its samples. */
    public RunInfo start(RunConfig config) throws InterruptedException {
        RunLauncher launcher = launcher();
        RunInfo run = launcher.create(config);
        assertThat(launcher.execute(run.id(), (s, p) -> {}, () -> false)).isEqualTo(RunStatus.COMPLETED);
        return project.runs().find(run.id()).orElseThrow();
    }

    @Override
    public void close() {
        backends.close();
        server.close();
        project.close();
    }
}
