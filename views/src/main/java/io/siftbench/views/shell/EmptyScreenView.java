package io.siftbench.views.shell;

import io.siftbench.model.project.Project;
import io.siftbench.views.controls.EmptyState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;

/**
 * A screen that has nothing to show yet: it says so, and says what to do first. Without a project it
 * asks for one; with a project it shows the screen's own empty message.
 */
public final class EmptyScreenView implements ScreenView {

    private final Screen screen;
    private final EmptyState state;

    public EmptyScreenView(
            Screen screen, ReadOnlyObjectProperty<Project> project, String emptyTitle, String emptyMessage) {
        this.screen = screen;
        this.state = new EmptyState(screen.icon(), emptyTitle, emptyMessage);
        state.setId(screenId(screen) + "-empty");
        project.addListener((obs, was, now) -> show(now, emptyTitle, emptyMessage));
        show(project.get(), emptyTitle, emptyMessage);
    }

    static String screenId(Screen screen) {
        return screen.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void show(Project project, String emptyTitle, String emptyMessage) {
        if (project == null && screen != Screen.SETTINGS) {
            state.setTitle("No project open");
            state.setMessage("Create a project with File ▸ New project… (Ctrl+N) or open one with "
                    + "File ▸ Open project… (Ctrl+O).");
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
