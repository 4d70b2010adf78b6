package io.siftbench.app.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
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
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** For tests of the real window: a project file holding a run made before the window opens it, and its backend. */
final class StoredRun {

    private StoredRun() {}

    /** The user's backends beside {@code settingsFile}: {@code name}, the OpenAI-compatible server at {@code url}. */
    static JsonBackendsFile userBackend(Path settingsFile, String name, String url) {
        JsonBackendsFile backends = new JsonBackendsFile(settingsFile.resolveSibling("backends.json"));
        backends.save(new BackendSettings(
                List.of(BackendConfig.of(BackendKind.OPENAI, url, "tiny").withName(name)),
                name,
                GenerationParameters.DEFAULT));
        return backends;
    }

    /**
     * A run of a one-label annotate prompt over five card questions, on the OpenAI-compatible server at {@code url}
     * (model "tiny"), stored in {@code projectFile} and not started; the file is closed again.
     */
    static RunInfo fiveQuestions(Path projectFile, String url) throws Exception {
        Path csv = projectFile.resolveSibling("questions.csv");
        Files.writeString(
                csv,
                IntStream.range(0, 5)
                        .mapToObj(i -> "where is card " + i)
                        .collect(Collectors.joining("\n", "text\n", "\n")));
        try (Project project = new H2ProjectOpener().open(projectFile);
                RunBackends none = new RunBackends(() -> BackendSettings.EMPTY)) {
            DatasetInfo questions = project.datasets()
                    .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                    .dataset();
            StoredVersion prompt = project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                     "template": {"user": "Q: {{text}}"}}
                    """,
                            "intent.json"));
            return new ProjectRuns(project, none, EmbeddingModels::miniLm)
                    .launcher()
                    .create(new RunConfig(
                            prompt.id(),
                            prompt.mode(),
                            new BackendRef("openai", url, "tiny"),
                            "{}",
                            questions.id(),
                            1,
                            1,
                            5,
                            1,
                            RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        }
    }
}
