package io.siftbench.views.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Overlap finds two labels drawn over each other, and not a label a scroll pane has scrolled out of sight. */
@ExtendWith(ApplicationExtension.class)
class OverlapTest {

    private final Pane crossing = new Pane();
    private final VBox scrolled = new VBox();

    @Start
    void start(Stage stage) {
        Label first = new Label("Model");
        Label second = new Label("Temperature");
        second.relocate(20, 4);
        crossing.getChildren().addAll(first, second);
        Label heading = new Label("Runs");
        VBox content = new VBox();
        for (int i = 0; i < 40; i++) {
            content.getChildren().add(new Label("row " + i));
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setPrefHeight(120);
        scroll.setVvalue(1);
        scrolled.getChildren().addAll(heading, scroll);
        stage.setScene(new Scene(new VBox(crossing, scrolled), 400, 300));
        stage.show();
    }

    @Test
    void findsLabelsDrawnOverEachOtherButNotWhatIsScrolledAway(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Overlap.overlapping(crossing))
                        .get())
                .containsExactly("Label 'Model' over Label 'Temperature'");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Overlap.overlapping(scrolled))
                        .get())
                .as("the rows scrolled up under the heading are out of sight")
                .isEmpty();
    }
}
