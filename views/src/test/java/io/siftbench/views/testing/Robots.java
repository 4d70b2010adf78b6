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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(query)
                .match(NodeMatchers.isVisible())
                .tryQuery()
                .isPresent());
        robot.clickOn(query);
    }
}
