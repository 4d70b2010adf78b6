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

    static WritableImage of(Node chart, String title) {
        WritableImage drawn = chart.snapshot(null, null);
        Label heading = new Label(title);
        heading.setId("insights-picture-title");
        heading.getStyleClass().add("insights-heading");
        heading.setWrapText(true);
        heading.setMaxWidth(drawn.getWidth());
        VBox picture = new VBox(6, heading, new ImageView(drawn));
        picture.setPadding(new Insets(8));
        // Its own scene, with the screen's theme (the dark one is a pseudo-class on the window's root), so that the
        // title reads on the chart's background.
        Scene scene = new Scene(picture);
        scene.getStylesheets()
                .add(TitledPicture.class.getResource("insights.css").toExternalForm());
        if (chart.getScene() != null) {
            chart.getScene()
                    .getRoot()
                    .getPseudoClassStates()
                    .forEach(state -> picture.pseudoClassStateChanged(state, true));
        }
        // A scene's snapshot lays it out at its preferred size first, which a node's does not do outside a window.
        return scene.snapshot(null);
    }
}
