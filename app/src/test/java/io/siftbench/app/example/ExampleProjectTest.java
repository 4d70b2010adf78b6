package io.siftbench.app.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example project as File ▸ New example project… makes it: ready to run on the demo model it ships with. */
class ExampleProjectTest {

    /** stories260K.gguf, as ../shared/README.md gives its digest. */
    private static final String DEMO_SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";

    @TempDir
    Path dir;

    @Test
    void holdsTheBankingSampleWithItsColumnsMarkedAndTheThreePrompts() {
        try (Project project = new H2ProjectOpener().open(dir.resolve("example"))) {
            ExampleProject.fill(project);

            DatasetInfo data = project.datasets().list().get(0);
            assertThat(data.name()).isEqualTo(ExampleProject.DATASET);
            assertThat(data.rows()).isEqualTo(300);
            assertThat(data.textColumn()).isEqualTo("text");
            assertThat(data.labelColumn()).isEqualTo("category");
            assertThat(project.prompts().list())
                    .extracting(StoredVersion::name, StoredVersion::mode)
                    .containsExactlyInAnyOrder(
                            tuple("intent", PromptMode.ANNOTATE),
                            tuple("questions", PromptMode.SYNTHESIZE),
                            tuple("label-fits", PromptMode.JUDGE));
            PromptVersion intent = ExampleProject.prompt("intent");
            assertThat(intent.demonstrations().dataset()).isEqualTo(ExampleProject.DATASET);
            assertThat(intent.demonstrations().k()).isEqualTo(4);
            assertThat(intent.task().labels()).hasSize(10);
            assertThat(ExampleProject.prompt("questions").conditions())
                    .extracting(Condition::name)
                    .containsExactly("intent", "tone");
        }
    }

    @Test
    void aUserWithoutBackendsGetsTheDemoModelAndOneWithBackendsKeepsTheirs() throws Exception {
        JsonBackendsFile none = new JsonBackendsFile(dir.resolve("none").resolve("backends.json"));
        Optional<BackendConfig> demo =
                ExampleProject.offerDemoModel(none, dir.resolve("none").resolve("models"));

        assertThat(demo).isPresent();
        assertThat(none.load().backends()).containsExactly(demo.get());
        assertThat(demo.get().name()).contains("writes nonsense");
        assertThat(demo.get().kind()).isEqualTo(BackendKind.GGUF);
        assertThat(sha256(Path.of(demo.get().location()))).isEqualTo(DEMO_SHA256);

        JsonBackendsFile mine = new JsonBackendsFile(dir.resolve("mine").resolve("backends.json"));
        BackendSettings own = BackendSettings.EMPTY.with(
                null, BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "llama3.2"));
        mine.save(own);
        assertThat(ExampleProject.offerDemoModel(mine, dir.resolve("mine").resolve("models")))
                .isEmpty();
        assertThat(mine.load()).isEqualTo(own);
        assertThat(dir.resolve("mine").resolve("models")).doesNotExist();
    }

    @Test
    void itsAnnotatePromptRunsOnTheDemoModelInProcess() throws Exception {
        try (Project project = new H2ProjectOpener().open(dir.resolve("example"))) {
            ExampleRun made = ExampleRun.annotate(project, dir, 3);

            assertThat(made.status()).isEqualTo(RunStatus.COMPLETED);
            List<Sample> samples = project.samples().list(made.run().id(), 0, 10);
            assertThat(samples).hasSize(3).allSatisfy(s -> {
                assertThat(s.error()).as("the demo model answers, if nonsense").isNull();
                assertThat(s.slot().demonstrationIds())
                        .as("four demonstrations, from the example dataset")
                        .hasSize(4);
            });
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
