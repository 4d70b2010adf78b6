package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Help menu for a new user: Keyboard shortcuts (F1) lists every key of the window, each menu accelerator and each
 * screen's own; Quick start shows the README's steps as plain text.
 */
class HelpMenuUiTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    private final FxRobot robot = SESSION.robot();

    @Test
    void f1ListsEveryAcceleratorOfTheMenusAndTheReviewKeys() throws Exception {
        SESSION.start(dir.resolve("settings.json"), null);

        robot.press(KeyCode.F1).release(KeyCode.F1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcuts-dialog")
                .tryQuery()
                .isPresent());
        List<String> shown = robot.lookup("#shortcuts .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> accelerators = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    accelerators.add(item.getAccelerator().getDisplayText());
                    assertThat(shown).contains(menu.getText() + " ▸ " + item.getText());
                }
            }
        }
        assertThat(accelerators).hasSizeGreaterThan(10);
        assertThat(shown)
                .containsAll(accelerators)
                .contains("Datasets ▸ Import dataset…", "Help ▸ Keyboard shortcuts", "Review")
                .contains("A", "a sample: accept", "1–9", "a sample: label", "Ctrl+Shift+Z", "a sample: redo")
                .contains("Ctrl+Enter", "while editing: saves");
    }

    @Test
    void quickStartShowsTheReadmesStepsAsPlainText() throws Exception {
        SESSION.start(dir.resolve("settings.json"), null);

        robot.clickOn("Help").clickOn("Quick start");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#quick-start")
                .tryQuery()
                .isPresent());
        String text = robot.lookup("#quick-start").queryAs(Label.class).getText();
        assertThat(text)
                .startsWith("1. Start Siftbench")
                .contains("2. File ▸ New example project… and choose a new file")
                .contains("8. Export…")
                .doesNotContain("**", "`", "## ");
        assertThat(text.lines().filter(l -> l.matches("\\d\\. .*"))).hasSize(8);
    }
}
