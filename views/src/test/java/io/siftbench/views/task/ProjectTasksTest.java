package io.siftbench.views.task;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes that arrive after the user opened another project, or asked again, never reach the screen. The
 * executor here holds each task until the test lets it finish, as a slow disk or server would.
 */
class ProjectTasksTest {

    /** Runs a task only when told, so that the test decides what happens meanwhile. */
    private static final class HeldTasks implements TaskExecutor {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            held.add(() -> {
                try {
                    task.succeeded(task.run(new BackgroundTask.Progress() {
                        @Override
                        public void update(double done, double total, String message) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    }));
                } catch (Exception e) {
                    task.failed(e);
                }
            });
            return () -> { };
        }

        void finish(int index) {
            held.get(index).run();
        }

        @Override
        public Executor uiThread() {
            return Runnable::run;
        }
    }

    private final SimpleObjectProperty<String> project = new SimpleObjectProperty<>("banking");
    private final HeldTasks held = new HeldTasks();
    private final ProjectTasks<String> tasks = new ProjectTasks<>(project, held);
    private final List<String> shown = new ArrayList<>();

    private BackgroundTask<String> listing(String result) {
        return BackgroundTask.of("Listing runs", progress -> result).onSuccess(shown::add)
                .onFailure(e -> shown.add("failed: " + e.getMessage()));
    }

    @Test
    void anOutcomeForTheOpenProjectIsShown() {
        tasks.execute(listing("runs of banking"));
        held.finish(0);
        assertThat(shown).containsExactly("runs of banking");
    }

    @Test
    void anOutcomeThatArrivesAfterAnotherProjectWasOpenedIsDropped() {
        tasks.execute(listing("runs of banking"));
        tasks.execute(BackgroundTask.<String>of("Listing runs", progress -> {
            throw new IllegalStateException("disk full");
        }).onFailure(e -> shown.add("failed: " + e.getMessage())));
        project.set("stories");
        tasks.execute(listing("runs of stories"));
        held.finish(0);
        held.finish(1);
        held.finish(2);
        assertThat(shown).containsExactly("runs of stories");
    }

    @Test
    void reopeningTheSameProjectObjectKeepsItsOutcomes() {
        tasks.execute(listing("runs of banking"));
        project.set(null);
        project.set("banking");
        held.finish(0);
        assertThat(shown).containsExactly("runs of banking");
    }

    @Test
    void onlyTheNewestRequestOfAChannelIsShownWhateverOrderTheyFinishIn() {
        ProjectTasks<String>.Latest search = tasks.latest();
        search.execute(listing("matches for 're'"));
        search.execute(listing("matches for 'refund'"));
        held.finish(1);
        held.finish(0);
        assertThat(shown).containsExactly("matches for 'refund'");
    }

    @Test
    void clearingAChannelDropsWhatIsStillOnItsWay() {
        ProjectTasks<String>.Latest card = tasks.latest();
        card.execute(listing("card of #41"));
        card.clear();
        held.finish(0);
        assertThat(shown).isEmpty();
    }

    @Test
    void channelsAreIndependentOfEachOther() {
        ProjectTasks<String>.Latest search = tasks.latest();
        ProjectTasks<String>.Latest statistics = tasks.latest();
        search.execute(listing("matches"));
        statistics.execute(listing("statistics"));
        held.finish(0);
        held.finish(1);
        assertThat(shown).containsExactly("matches", "statistics");
    }

    @Test
    void theSwitchHandlerHearsEveryProjectOpenedOrClosed() {
        List<String> opened = new ArrayList<>();
        tasks.onSwitch(opened::add);
        project.set("stories");
        project.set(null);
        assertThat(opened).containsExactly("stories", null);
        assertThat(tasks.open()).isNull();
    }
}
