package io.siftbench.views.shell;

import io.siftbench.views.controls.EmptyState;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * A screen that has nothing to show yet: it says so, and says what to do first. Without a project it
 * asks for one; with a project it shows the screen's own empty message.
 */
public final class EmptyScreenView implements ScreenView {

    /** What every screen says while no project is open. */
    public static final String NO_PROJECT_TITLE = "No project open";

    /** How to get one, the example first: it is where a new user sees the whole loop. */
    public static final String NO_PROJECT_MESSAGE = "Try File ▸ New example project… (Ctrl+Shift+N), create a project "
            + "with File ▸ New project… (Ctrl+N), or open one with File ▸ Open project… (Ctrl+O).";

    /** The same, short enough for a narrow list beside an editor (the studio's versions, the pipelines). */
    public static final String NO_PROJECT_HINT = "Open or make one from the File menu.";

    private final Screen screen;
    private final EmptyState state;

    /** @param projectOpen whether a project is open: all the empty screen needs to know of it */
    public EmptyScreenView(
            Screen screen, ObservableValue<Boolean> projectOpen, String emptyTitle, String emptyMessage) {
        this.screen = screen;
        this.state = new EmptyState(screen.icon(), emptyTitle, emptyMessage);
        state.setId(screenId(screen) + "-empty");
        projectOpen.addListener((obs, was, now) -> show(now, emptyTitle, emptyMessage));
        show(projectOpen.getValue(), emptyTitle, emptyMessage);
    }

    static String screenId(Screen screen) {
        return screen.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void show(Boolean projectOpen, String emptyTitle, String emptyMessage) {
        if (!Boolean.TRUE.equals(projectOpen) && screen != Screen.SETTINGS) {
            state.setTitle(NO_PROJECT_TITLE);
            state.setMessage(NO_PROJECT_MESSAGE);
        } else {
            state.setTitle(emptyTitle);
            state.setMessage(emptyMessage);
        }
    }

    @Override
    public Screen screen() {
        return screen;
    }

    @Override
    public Node node() {
        return state;
    }
}
