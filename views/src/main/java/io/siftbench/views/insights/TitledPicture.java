package io.siftbench.views.insights;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

/**
 * A chart as drawn with its title above it, for saving: a PNG away from the screen must say what it shows and of
 * which runs. Made on the UI thread (snapshots are), written in the background by {@link ChartImage}.
 */
final class TitledPicture {

    private TitledPicture() {}

    /** {@code chart} as drawn on the screen, beneath {@code title}. */
    static WritableImage of(Node chart, String title) {
        return of(new ImageView(chart.snapshot(null, null)), chart, title);
    }

    /**
     * {@code picture}, nodes of their own that no window shows (a chart's whole content where the screen scrolls
     * it), beneath {@code title}, in the theme of {@code shown}, the chart on the screen.
     */
    static WritableImage of(Node picture, Node shown, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("insights-heading");
        VBox titled = new VBox(6, heading, picture);
        titled.setPadding(new Insets(8));
        // Its own scene, with the screen's theme (the dark one is a pseudo-class on the window's root), so that the
        // title reads on the chart's background.
        Scene scene = new Scene(titled);
        scene.getStylesheets()
                .add(TitledPicture.class.getResource("insights.css").toExternalForm());
        if (shown.getScene() != null) {
            shown.getScene()
                    .getRoot()
                    .getPseudoClassStates()
                    .forEach(state -> titled.pseudoClassStateChanged(state, true));
        }
        // A scene's snapshot lays it out at its preferred size first, which a node's does not do outside a window.
        return scene.snapshot(null);
    }
}
