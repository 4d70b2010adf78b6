package io.siftbench.app.review;

import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review queue follows the run being reviewed while it is going, without a restart: a real project,
 * a real run against a loopback server, the Runs screen's live progress driving the Review view model.
 */
class ReviewFollowsRunTest {

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    @Test
    void samplesOfTheReviewedRunAppearWhileItIsGoing() throws Exception {
        Project project = fixture.project();
        DatasetInfo questions = fixture.importCsv("q", "text\nalpha\nbravo\ncharlie\ndelta\necho\n");
        StoredVersion prompt = project.prompts().save(PromptFile.parse("""
                {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                 "template": {"user": "Q: {{text}}"}}
                """, "intent.json"));
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        RunsViewModel runs = new RunsViewModel(open, tasks,
                p -> fixture.launcher());
        RunInfo run = fixture.launcher().create(new RunConfig(
                prompt.id(), prompt.mode(), fixture.backend(), "{}", questions.id(), 1, 1,
                5, 1, RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        ReviewViewModel review = new ReviewViewModel(open, tasks);
        review.follow(runs.live());
        assertThat(review.runProperty().get().id()).isEqualTo(run.id());
        assertThat(review.items()).isEmpty();
        List<Integer> seen = new ArrayList<>();
        review.items().addListener((ListChangeListener<ReviewItem>) c -> seen.add(review.items().size()));

        runs.resume(run);

        assertThat(review.items()).as(review.messageProperty().get() + " | " + runs.problemProperty().get() + " | "
                + project.samples().count(run.id()) + " | " + seen).hasSize(5);
        // The queue grew while the run was going (the first sample at once), not only once it had finished.
        assertThat(seen.get(0)).isBetween(1, 4);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(5);
        assertThat(review.currentProperty().get().sampleId()).isEqualTo(review.items().get(0).sampleId());
    }
}
