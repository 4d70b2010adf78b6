package io.siftbench.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.review.ReviewSources;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        RunsViewModel runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())),
                tasks,
                new RunStarter(open.map(p -> fixture.launcher()), tasks));
        RunInfo run = fixture.fiveQuestionRun();
        ReviewViewModel review = new ReviewViewModel(
                open.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                tasks,
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));
        review.follow(runs.live());
        assertThat(review.runProperty().get().id()).isEqualTo(run.id());
        assertThat(review.items()).isEmpty();
        List<Integer> seen = new ArrayList<>();
        review.items().addListener((ListChangeListener<ReviewItem>)
                c -> seen.add(review.items().size()));

        runs.resume(run);

        assertThat(review.items())
                .as(review.messageProperty().get() + " | "
                        + runs.problemProperty().get() + " | "
                        + project.samples().count(run.id()) + " | " + seen)
                .hasSize(5);
        // The queue grew while the run was going (the first sample at once), not only once it had finished.
        assertThat(seen.get(0)).isBetween(1, 4);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(5);
        assertThat(review.currentProperty().get().sampleId())
                .isEqualTo(review.items().get(0).sampleId());
    }
}
