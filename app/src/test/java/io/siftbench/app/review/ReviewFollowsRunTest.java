package io.siftbench.app.review;

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
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review queue follows the run being reviewed while it is going, without a restart: a real project,
 * a real run against a loopback server, the Runs screen's live progress driving the Review view model.
 */
class ReviewFollowsRunTest {

    @TempDir
    Path dir;

    private Project project;
    private LoopbackServer server;
    private RunBackends backends;

    @BeforeEach
    void open() throws Exception {
        project = new H2ProjectOpener().open(dir.resolve("project"));
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        backends = new RunBackends(() -> BackendSettings.EMPTY);
    }

    @AfterEach
    void close() {
        backends.close();
        server.close();
        project.close();
    }

    @Test
    void samplesOfTheReviewedRunAppearWhileItIsGoing() throws Exception {
        Path csv = dir.resolve("q.csv");
        Files.writeString(csv, "text\nalpha\nbravo\ncharlie\ndelta\necho\n");
        DatasetInfo questions = project.datasets().importFile(ImportOptions.of(csv), ImportProgress.NONE).dataset();
        StoredVersion prompt = project.prompts().save(PromptFile.parse("""
                {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                 "template": {"user": "Q: {{text}}"}}
                """, "intent.json"));
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        RunsViewModel runs = new RunsViewModel(open, tasks,
                p -> new ProjectRuns(p, backends, EmbeddingModels::miniLm).launcher());
        RunInfo run = new ProjectRuns(project, backends, EmbeddingModels::miniLm).launcher().create(new RunConfig(
                prompt.id(), prompt.mode(), new BackendRef("openai", server.url(), "tiny"), "{}", questions.id(), 1, 1,
                5, 1, RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        ReviewViewModel review = new ReviewViewModel(open, tasks);
        review.follow(runs.live());
        assertThat(review.runProperty().get().id()).isEqualTo(run.id());
        assertThat(review.items()).isEmpty();
        List<Integer> seen = new ArrayList<>();
        review.items().addListener((ListChangeListener<ReviewItem>) c -> seen.add(review.items().size()));

        runs.resume(run);

        assertThat(review.items()).hasSize(5);
        // The queue grew while the run was going (the first sample at once), not only once it had finished.
        assertThat(seen.get(0)).isBetween(1, 4);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(5);
        assertThat(review.currentProperty().get().sampleId()).isEqualTo(review.items().get(0).sampleId());
    }
}
