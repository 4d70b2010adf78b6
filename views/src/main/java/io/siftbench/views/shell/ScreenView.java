package io.siftbench.views.shell;

import javafx.scene.Node;

/** One screen of the main window: the node it shows in the centre. */
public interface ScreenView {

    Screen screen();

    Node node();

    /**
     * Leaves the screen for another: by doing {@code go} at once, or (with edits not saved) once the researcher
     * has answered, and not at all if they choose to stay.
     */
    default void leave(Runnable go) {
        go.run();
    }

    /** The screen's own commands, shown in a menu named after the screen (for example "Import dataset…"). */
    default java.util.List<javafx.scene.control.MenuItem> menuItems() {
        return java.util.List.of();
    }

    /** The keys that work on this screen beside its menu's accelerators, for Help ▸ Keyboard shortcuts. */
    default java.util.List<Shortcut> shortcuts() {
        return java.util.List.of();
    }
}
