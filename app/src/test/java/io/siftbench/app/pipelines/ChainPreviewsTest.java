package io.siftbench.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.ChainPreviews;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineFileException;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.pipelines.ChainPreview;
import io.siftbench.views.task.BackgroundTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Preview through the chain of a pipeline that starts from a dataset, against a loopback server speaking the OpenAI
 * protocol to the real client: the first step annotates three records, the second writes a text for each from the
 * record and the label its chain's first step gave, as a pipeline run would render it; nothing is stored, and a
 * draft that does not fit the project's prompts is refused as a save refuses it.
 */
class ChainPreviewsTest {

    private static final BackgroundTask.Progress GOING = new BackgroundTask.Progress() {
        @Override
        public void update(double done, double total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private Project project;
    private ChainPreviews previews;
    private BackendConfig loopback;

    @BeforeEach
    void promptsAndDataset() throws Exception {
        project = fixture.project();
        fixture.importCsv("q", "text\nalpha\nbravo\ncharlie\ndelta\necho\n");
        project.prompts()
                .save(PromptFile.parse(
                        """
                        {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                         "template": {"user": "Q: {{text}}"}}
                        """,
                        "intent.json"));
        project.prompts()
                .save(PromptFile.parse(
                        """
                        {"name": "reason", "mode": "synthesize",
                         "template": {"user": "Why is {{record.text}} {{steps.intent.label}}?"},
                         "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}},
                                               "required": ["text"]}}}
                        """,
                        "reason.json"));
        fixture.server().always(LoopbackServer.answering(request -> {
            String asked = LoopbackServer.lastUserMessage(request);
            return asked.startsWith("Q: ") ? "{\"label\": \"card_arrival\"}" : "{\"text\": \"because " + asked + "\"}";
        }));
        JsonBackendsFile user = new JsonBackendsFile(fixture.dir().resolve("config/backends.json"));
        user.save(fixture.loopbackBackends());
        previews = new ChainPreviews(project, new FirstUseDetection(user, new LocalBackendProbe()));
        loopback = fixture.loopbackBackends().backends().get(0);
    }

    @Test
    void aDatasetsRecordsGoThroughEveryStepAndNothingIsStored() throws Exception {
        ChainPreview preview =
                previews.preview(pipeline("reason"), "q", loopback, GenerationParameters.DEFAULT, 3, GOING);

        assertThat(preview.chains()).hasSize(3);
        for (ChainPreview.Chain chain : preview.chains()) {
            assertThat(chain.links()).extracting(ChainPreview.Link::stepName).containsExactly("intent", "reason");
            assertThat(chain.links().get(0).sample().label()).isEqualTo("card_arrival");
            String reason = chain.links().get(1).sample().text();
            assertThat(reason).matches("because Why is (alpha|bravo|charlie|delta|echo) card_arrival\\?");
            assertThat(chain.links().get(1).sample().slot().recordId())
                    .as("the second step's slot carries its chain's record")
                    .isEqualTo(chain.links().get(0).sample().slot().recordId());
        }
        assertThat(preview.chains())
                .extracting(c -> c.links().get(1).sample().text())
                .doesNotHaveDuplicates();
        assertThat(project.runs().list()).as("a preview stores no run").isEmpty();
    }

    @Test
    void aDraftThatDoesNotFitIsRefusedNamingTheStepAndADatasetStepWantsItsDataset() {
        assertThatThrownBy(() ->
                        previews.preview(pipeline("intent"), "q", loopback, GenerationParameters.DEFAULT, 3, GOING))
                .isInstanceOf(PipelineFileException.class)
                .hasMessageStartingWith("Cannot preview the pipeline: steps[1] (reason).prompt:")
                .hasMessageContaining("annotate mode");
        assertThatThrownBy(() ->
                        previews.preview(pipeline("reason"), null, loopback, GenerationParameters.DEFAULT, 3, GOING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Step 'intent' annotates a dataset: choose the dataset to preview with.");
        assertThat(fixture.server().chatRequests()).isZero();
    }

    /** Annotates the run's dataset with "intent", then writes a text for each with {@code secondPrompt}. */
    private static Pipeline pipeline(String secondPrompt) {
        return PipelineFile.parse(
                """
                {"name": "explain", "steps": [
                  {"name": "intent", "prompt": "intent", "input": "dataset"},
                  {"name": "reason", "prompt": "%s", "input": "step:intent"}]}
                """
                        .formatted(secondPrompt),
                "draft");
    }
}
