package io.siftbench.views.testing;

import java.util.concurrent.TimeUnit;
import org.testfx.api.FxRobot;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** What UI tests do with the robot beyond a click. */
public final class Robots {

    private Robots() {}

    /**
     * Clicks {@code query} once it is shown: a dialog is in the scene graph a moment before its buttons are, and a
     * busy machine makes it a long moment ("query OK … no nodes were visible").
     */
    public static void clickWhenShown(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> shown(robot, query).isPresent());
        // The node found, not the query again: a dialog's window is showing a moment before TestFX counts its
        // buttons as visible, and a second query can find the one of a window closing.
        robot.clickOn(shown(robot, query).orElseThrow());
    }

    private static java.util.Optional<javafx.scene.Node> shown(FxRobot robot, String query) {
        return robot.lookup(query)
                .match(NodeMatchers.isVisible())
                .match((javafx.scene.Node n) -> n.getScene() != null
                        && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()
                        && n.getScene().getWindow().getWidth() > 0)
                .tryQuery();
    }
}
