package io.siftbench.views.shell;

import javafx.scene.Node;

/** One screen of the main window: the node it shows in the centre. */
public interface ScreenView {

    Screen screen();

    Node node();
}
