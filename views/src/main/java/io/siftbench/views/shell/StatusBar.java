package io.siftbench.views.shell;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The bottom line of the main window: the open project on the left, and on the right the newest
 * background task with its progress and a cancel button ("+2 more" when several run).
 */
public final class StatusBar extends HBox {

    private final Label projectLabel = new Label();
    private final Label taskLabel = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(null, new FontIcon(Material2AL.CLOSE));
    private final ObservableList<Task<?>> running;

    /** @param projectFile the file of the open project; null while none is open */
    public StatusBar(ObservableValue<Path> projectFile, ObservableList<Task<?>> running) {
        this.running = running;
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        projectLabel.setId("status-project");
        projectLabel.textProperty().bind(projectFile.map(Path::toString).orElse("No project open"));
        taskLabel.setId("status-task");
        progress.setId("status-progress");
        progress.setPrefWidth(160);
        cancel.setId("status-cancel");
        cancel.getStyleClass().addAll("flat", "small");
        cancel.setTooltip(new Tooltip("Cancel"));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(projectLabel, spring, taskLabel, progress, cancel);
        running.addListener((ListChangeListener<Task<?>>) change -> showNewest());
        showNewest();
    }

    private void showNewest() {
        boolean busy = !running.isEmpty();
        taskLabel.textProperty().unbind();
        progress.progressProperty().unbind();
        taskLabel.setVisible(busy);
        progress.setVisible(busy);
        cancel.setVisible(busy);
        if (!busy) {
            taskLabel.setText("");
            return;
        }
        Task<?> newest = running.get(running.size() - 1);
        int others = running.size() - 1;
        taskLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String message = newest.getMessage();
                            String text =
                                    newest.getTitle() + (message == null || message.isBlank() ? "" : " — " + message);
                            return others > 0 ? text + " (+" + others + " more)" : text;
                        },
                        newest.titleProperty(),
                        newest.messageProperty()));
        progress.progressProperty().bind(newest.progressProperty());
        cancel.setOnAction(e -> newest.cancel(true));
    }
}
