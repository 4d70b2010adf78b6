package io.siftbench.app;

import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.shell.Screen;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What UI tests of the whole shell do as a researcher would, step by step, on the shell's screens. */
public record ShellSteps(FxRobot robot) {

    /** Opens the combo box {@code id} and clicks the choice whose text starts with {@code choice}. */
    public void choose(String id, String choice) {
        robot.clickOn(id);
        Node cell = robot.lookup(".list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith(choice) && c.isVisible())
                .query();
        robot.clickOn(cell);
    }

    /** In the studio, selects the latest version of prompt {@code name} among {@code versions} listed and opens it. */
    public void openPrompt(String name, int versions) throws Exception {
        // The studio is built the first time it shows: its list is there a moment after the click.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#prompt-versions")
                .tryQuery()
                .isPresent());
        ListView<?> list = robot.lookup("#prompt-versions").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == versions);
        robot.interact(() -> list.getSelectionModel()
                .clearAndSelect(list.getItems().stream()
                        .map(v -> ((StoredVersion) v).name())
                        .toList()
                        .indexOf(name)));
        robot.clickOn("#prompt-open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#prompt-status")
                .queryAs(Label.class)
                .getText()
                .startsWith("Editing " + name + " v"));
    }

    /** On Insights, measures the run chosen and waits until {@code shown} (a chart's or table's id) is there. */
    public void measure(String shown) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#insights-measure")
                .queryButton()
                .isDisabled());
        robot.clickOn("#insights-measure");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> robot.lookup(shown).tryQuery().isPresent()
                        && !robot.lookup("#insights-measure").queryButton().isDisabled());
    }

    /** The run chooser {@code id} of the screen behind the navigation button {@code nav}, after showing it once. */
    @SuppressWarnings("unchecked")
    public ComboBox<RunInfo> runChooser(String nav, String id) {
        robot.clickOn(nav);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    /** The frame of {@code screen}, once what it reads in the background has had time to arrive. */
    public Parent settled(Screen screen) {
        settle();
        return (Parent) robot.lookup("#screen-" + id(screen)).query();
    }

    /**
     * {@code read} evaluated on the FX thread: a lookup of a table's cells from the test thread can meet the table
     * laying out its rows (an IndexOutOfBoundsException from TestFX's lookup) while a run's progress changes them.
     */
    public static <T> T onFx(java.util.function.Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives what a screen or dialog reads in the background time to arrive, then lets the UI thread catch up. */
    public static void settle() {
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The id part of {@code screen}'s nodes: "prompt-studio" in {@code #nav-prompt-studio}. */
    public static String id(Screen screen) {
        return screen.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
