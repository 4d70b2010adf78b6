package io.siftbench.views.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.views.testing.HeldTasks;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * Outcomes that arrive after the user opened another project, or asked again, never reach the screen. The
 * executor here holds each task until the test lets it finish, as a slow disk or server would.
 */
class ProjectTasksTest {

    private final SimpleObjectProperty<String> project = new SimpleObjectProperty<>("banking");
    private final HeldTasks held = new HeldTasks();
    private final ProjectTasks<String> tasks = new ProjectTasks<>(project, held);
    private final List<String> shown = new ArrayList<>();

    private BackgroundTask<String> listing(String result) {
        return BackgroundTask.of("Listing runs", progress -> result)
                .onSuccess(shown::add)
                .onFailure(e -> shown.add("failed: " + e.getMessage()));
    }

    @Test
    void anOutcomeForTheOpenProjectIsShown() {
        tasks.execute(listing("runs of banking"));
        held.run(0);
        assertThat(shown).containsExactly("runs of banking");
    }

    @Test
    void anOutcomeThatArrivesAfterAnotherProjectWasOpenedIsDropped() {
        tasks.execute(listing("runs of banking"));
        tasks.execute(BackgroundTask.<String>of("Listing runs", progress -> {
                    throw new IllegalStateException("disk full");
                })
                .onFailure(e -> shown.add("failed: " + e.getMessage())));
        project.set("stories");
        tasks.execute(listing("runs of stories"));
        held.run(0);
        held.run(1);
        held.run(2);
        assertThat(shown).containsExactly("runs of stories");
    }

    @Test
    void reopeningTheSameProjectObjectKeepsItsOutcomes() {
        tasks.execute(listing("runs of banking"));
        project.set(null);
        project.set("banking");
        held.run(0);
        assertThat(shown).containsExactly("runs of banking");
    }

    /** Stores of one open project, as a screen is given them: made afresh each time nothing observes the mapping. */
    private record Stores(Object runs) {}

    @Test
    void storesMadeAfreshFromTheSameProjectKeepItsOutcomesAndAnotherProjectsDropThem() {
        SimpleObjectProperty<Object> open = new SimpleObjectProperty<>(new Object());
        ProjectTasks<Stores> screen = new ProjectTasks<>(open.map(Stores::new), held);
        screen.execute(listing("runs of banking"));
        held.run(0);
        screen.execute(listing("runs of banking, later"));
        open.set(new Object());
        held.run(1);
        assertThat(shown).containsExactly("runs of banking");
    }

    @Test
    void onlyTheNewestRequestOfAChannelIsShownWhateverOrderTheyFinishIn() {
        ProjectTasks<String>.Latest search = tasks.latest();
        search.execute(listing("matches for 're'"));
        search.execute(listing("matches for 'refund'"));
        held.run(1);
        held.run(0);
        assertThat(shown).containsExactly("matches for 'refund'");
    }

    @Test
    void clearingAChannelDropsWhatIsStillOnItsWay() {
        ProjectTasks<String>.Latest card = tasks.latest();
        card.execute(listing("card of #41"));
        card.clear();
        held.run(0);
        assertThat(shown).isEmpty();
    }

    @Test
    void channelsAreIndependentOfEachOther() {
        ProjectTasks<String>.Latest search = tasks.latest();
        ProjectTasks<String>.Latest statistics = tasks.latest();
        search.execute(listing("matches"));
        statistics.execute(listing("statistics"));
        held.run(0);
        held.run(1);
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

    @Test
    void workRunElsewhereReachesItsHandlerOnlyWhileItsProjectIsOpenAndItIsTheNewestRequest() {
        ProjectTasks<String>.Latest queue = tasks.latest();
        java.util.function.Consumer<String> first = queue.whileNewest(shown::add);
        java.util.function.Consumer<String> second = queue.whileNewest(shown::add);
        java.util.function.Consumer<String> written = tasks.whileOpen(shown::add);
        first.accept("queue as first asked");
        second.accept("queue as asked last");
        written.accept("decision written");
        java.util.function.Consumer<String> third = queue.whileNewest(shown::add);
        java.util.function.Consumer<String> writtenBefore = tasks.whileOpen(shown::add);
        project.set("stories");
        third.accept("queue of banking");
        writtenBefore.accept("decision in banking");
        assertThat(shown).containsExactly("queue as asked last", "decision written");
    }
}
