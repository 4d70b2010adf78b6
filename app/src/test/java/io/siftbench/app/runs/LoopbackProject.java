package io.siftbench.app.runs;

import io.siftbench.app.backends.LoopbackServer;
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
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a runs test stands on, fresh for each test: a real project file in its own folder, a loopback server
 * speaking the OpenAI protocol, and the run backends that reach it (with the user's backends the test gives).
 * Register with {@code @RegisterExtension}.
 */
public final class LoopbackProject implements BeforeEachCallback, AfterEachCallback {

    private final Supplier<BackendSettings> userBackends;
    private Path dir;
    private Project project;
    private LoopbackServer server;
    private RunBackends backends;

    private DatasetInfo fiveQuestions;
    private StoredVersion intentPrompt;

    public LoopbackProject() {
        this(() -> BackendSettings.EMPTY);
    }

    public LoopbackProject(Supplier<BackendSettings> userBackends) {
        this.userBackends = userBackends;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("siftbench-runs");
        project = new H2ProjectOpener().open(dir.resolve("project"));
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        backends = new RunBackends(userBackends);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        backends.close();
        server.close();
        project.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public Project project() {
        return project;
    }

    public LoopbackServer server() {
        return server;
    }

    public RunBackends backends() {
        return backends;
    }

    /** The project's run launcher, reaching backends through {@link #backends()}. */
    public RunLauncher launcher() {
        return new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
    }

    /** The user's backends with the loopback server alone, as "loopback" (model "tiny"), the default one. */
    public BackendSettings loopbackBackends() {
        return new BackendSettings(
                List.of(BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                        .withName("loopback")),
                "loopback",
                GenerationParameters.DEFAULT);
    }

    /** The loopback server as a run names it, model "tiny". */
    public BackendRef backend() {
        return new BackendRef("openai", server.url(), "tiny");
    }

    /** Imports {@code csv} (header first) as a dataset named {@code name}. */
    public DatasetInfo importCsv(String name, String csv) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv);
        return project.datasets()
                .importFile(ImportOptions.of(file).withName(name), ImportProgress.NONE)
                .dataset();
    }

    /**
     * A new run of a one-label annotate prompt over the same five questions, stored but not started: what the
     * tests of screens that follow a run going on need.
     */
    public RunInfo fiveQuestionRun() throws IOException {
        if (fiveQuestions == null) {
            fiveQuestions = importCsv("q", "text\nalpha\nbravo\ncharlie\ndelta\necho\n");
            intentPrompt = project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                     "template": {"user": "Q: {{text}}"}}
                    """,
                            "intent.json"));
        }
        DatasetInfo questions = fiveQuestions;
        StoredVersion prompt = intentPrompt;
        return launcher()
                .create(new RunConfig(
                        prompt.id(),
                        prompt.mode(),
                        backend(),
                        "{}",
                        questions.id(),
                        1,
                        1,
                        5,
                        1,
                        RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
    }
}
