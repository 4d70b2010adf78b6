package io.siftbench.app.insights;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.insights.CoverageGrid;
import io.siftbench.model.insights.GapFilling;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Fill the gaps" end to end: a synthesize run over topic × mood against a loopback OpenAI-compatible server, some
 * samples accepted, the coverage grid's thin cells, and a second run that generates in exactly those cells.
 */
class FillTheGapsTest {

    @TempDir
    Path dir;

    private Project project;
    private LoopbackServer server;
    private RunBackends backends;

    @BeforeEach
    void open() throws Exception {
        project = new H2ProjectOpener().open(dir.resolve("gaps"));
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        backends = new RunBackends(() -> BackendSettings.EMPTY);
        server.always(LoopbackServer.answering(request -> {
            var messages = request.path("messages");
            return "{\"text\": \"" + messages.get(messages.size() - 1).path("content").asText() + "\"}";
        }));
    }

    @AfterEach
    void close() {
        backends.close();
        server.close();
        project.close();
    }

    @Test
    void aSecondRunGeneratesOnlyInTheThinCellsEvenly() throws Exception {
        StoredVersion prompt = project.prompts().save(PromptFile.parse("""
                {"name": "stories", "mode": "synthesize",
                 "task": {"role": "You write one-line stories.", "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}", "user": "A story about {{condition.topic}} in a {{condition.mood}} mood."},
                 "conditions": [
                   {"name": "topic", "enabled": true, "values": [{"value": "dragons"}, {"value": "trains"}]},
                   {"name": "mood", "enabled": true, "values": [{"value": "sad"}, {"value": "happy"}]}],
                 "plan": {"kind": "all", "seed": 3},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """, "stories.json"));
        RunInfo first = start(new RunConfig(prompt.id(), prompt.mode(), new BackendRef("openai", server.url(), "tiny"),
                "{}", null, 5, 2, 4, 1, RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        // The researcher keeps the dragon stories only: the two trains cells are the gaps.
        List<Sample> made = project.samples().list(first.id(), 0, 100);
        project.decisions().decide(made.stream().filter(s -> s.conditions().get("topic").equals("dragons"))
                .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null)).toList());
        CoverageGrid grid = new RunMetrics(project, null, InsightsSettings.defaults())
                .measure(first.id(), StatusSelection.ALL, InsightsProgress.NONE).metrics().coverage().get(0);

        RunInfo filling = start(GapFilling.config(first, grid, 1, 3));

        List<Sample> samples = project.samples().list(filling.id(), 0, 100);
        Map<String, Long> perCell = samples.stream().collect(Collectors.groupingBy(
                s -> s.conditions().get("topic") + "/" + s.conditions().get("mood"), Collectors.counting()));
        assertThat(perCell).containsOnlyKeys("trains/sad", "trains/happy").allSatisfy((cell, n) -> assertThat(n).isEqualTo(3));
        assertThat(samples).allSatisfy(s -> assertThat(s.text())
                .isEqualTo("A story about trains in a " + s.conditions().get("mood") + " mood."));
        assertThat(RunDetails.fromJson(filling.config().details()).cells()).hasSize(2);
        // Resuming plans the same slots: nothing is missing, nothing is sent again.
        int requests = server.chatRequests();
        assertThat(launcher().execute(filling.id(), (s, p) -> { }, () -> false)).isEqualTo(RunStatus.COMPLETED);
        assertThat(server.chatRequests()).isEqualTo(requests);

        assertThatThrownBy(() -> GapFilling.config(first, grid, 0, 3)).hasMessageContaining("there is no gap to fill");
    }

    @Test
    void theInsightsScreenFillsTheGapsOfAGridAndListsTheNewRun() throws Exception {
        StoredVersion prompt = project.prompts().save(PromptFile.parse("""
                {"name": "stories", "mode": "synthesize",
                 "task": {"role": "You write one-line stories.", "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}", "user": "A story about {{condition.topic}} in a {{condition.mood}} mood."},
                 "conditions": [
                   {"name": "topic", "enabled": true, "values": [{"value": "dragons"}, {"value": "trains"}]},
                   {"name": "mood", "enabled": true, "values": [{"value": "sad"}, {"value": "happy"}, {"value": "odd", "enabled": false}]}],
                 "plan": {"kind": "all", "seed": 3},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """, "stories.json"));
        RunInfo first = start(new RunConfig(prompt.id(), prompt.mode(), new BackendRef("openai", server.url(), "tiny"),
                "{}", null, 5, 2, 4, 1, RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        project.decisions().decide(project.samples().list(first.id(), 0, 100).stream()
                .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null)).toList());
        InsightsViewModel viewModel = new InsightsViewModel(new SimpleObjectProperty<>(project),
                new CurrentThreadTaskExecutor(), null, open -> launcher());
        viewModel.measure(List.of(first));
        InsightsViewModel.MeasuredRun measured = viewModel.measured().get(0);

        // Every switched-on cell has an accepted sample; the switched-off mood's two cells are empty.
        viewModel.fillTheGaps(measured, measured.report().metrics().coverage().get(0), 1, 2);

        assertThat(viewModel.problemProperty().get()).isNull();
        assertThat(viewModel.runs()).hasSize(2);
        RunInfo filled = viewModel.runs().get(0);
        assertThat(viewModel.stepProperty().get()).isEqualTo("run #" + filled.id() + " filled the gaps of topic × mood");
        assertThat(project.samples().list(filled.id(), 0, 100)).hasSize(4)
                .allSatisfy(s -> assertThat(s.conditions()).containsEntry("mood", "odd"));
    }

    private RunLauncher launcher() {
        return new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher();
    }

    private RunInfo start(RunConfig config) throws InterruptedException {
        RunLauncher launcher = launcher();
        RunInfo run = launcher.create(config);
        assertThat(launcher.execute(run.id(), (s, p) -> { }, () -> false)).isEqualTo(RunStatus.COMPLETED);
        return project.runs().find(run.id()).orElseThrow();
    }
}
