package io.siftbench.app.example;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;

/**
 * The example project with a run of its annotate prompt on the demo model, in-process: real samples of real records
 * with real demonstrations, made in a second or two without a server.
 *
 * @param status how the run ended
 */
public record ExampleRun(RunInfo run, RunStatus status) {

    /** Fills {@code project} with the example and annotates {@code records} of its records; backends go in {@code dir}. */
    public static ExampleRun annotate(Project project, Path dir, int records) throws InterruptedException {
        JsonBackendsFile backends = new JsonBackendsFile(dir.resolve("backends.json"));
        BackendConfig demo =
                ExampleProject.offerDemoModel(backends, dir.resolve("models")).orElseThrow();
        ExampleProject.fill(project);
        StoredVersion intent = project.prompts().versions("intent").get(0);
        try (RunBackends clients = new RunBackends(backends::load)) {
            RunLauncher launcher = new ProjectRuns(project, clients, EmbeddingModels::miniLm).launcher();
            RunInfo run = launcher.create(new RunConfig(
                    intent.id(),
                    PromptMode.ANNOTATE,
                    new BackendRef("gguf", demo.location(), demo.model()),
                    "{}",
                    project.datasets().list().get(0).id(),
                    7,
                    1,
                    records,
                    1,
                    RunDetails.of(records, GenerationParameters.DEFAULT.withMaxTokens(64))
                            .toJson()));
            return new ExampleRun(run, launcher.execute(run.id(), (sample, progress) -> {}, () -> false));
        }
    }
}
