package io.siftbench.views.shell;

import javafx.scene.Node;

/** One screen of the main window: the node it shows in the centre. */
public interface ScreenView {

    Screen screen();

    Node node();

    /** Items the screen adds to the File menu (for example "Import dataset…"). */
    default java.util.List<javafx.scene.control.MenuItem> menuItems() {
        return java.util.List.of();
    }
}
