package io.siftbench.views.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a screen shows while it has nothing to show: an icon, a title and a line on what to do next. */
public class EmptyState extends VBox {

    private final ObjectProperty<Ikon> icon = new SimpleObjectProperty<>(this, "icon");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public EmptyState() {
        getStyleClass().add("empty-state");
        getStylesheets().add(EmptyState.class.getResource("empty-state.css").toExternalForm());
        setAlignment(Pos.CENTER);
        setSpacing(12);
        FontIcon glyph = new FontIcon();
        glyph.getStyleClass().add("empty-state-icon");
        glyph.iconCodeProperty().bind(icon);
        glyph.visibleProperty().bind(icon.isNotNull());
        Label heading = new Label();
        heading.getStyleClass().addAll("title-3", "empty-state-title");
        heading.textProperty().bind(title);
        // Narrow panes (a list beside an editor) must wrap the heading, never cut it to "No p...".
        heading.setWrapText(true);
        heading.setMaxWidth(480);
        heading.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
        heading.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label text = new Label();
        text.getStyleClass().add("empty-state-message");
        text.setWrapText(true);
        text.setMaxWidth(480);
        text.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
        text.textProperty().bind(message);
        getChildren().addAll(glyph, heading, text);
    }

    public EmptyState(Ikon icon, String title, String message) {
        this();
        setIcon(icon);
        setTitle(title);
        setMessage(message);
    }

    /**
     * The same state for a narrow list beside an editor, where the screen's big heading broke in the middle of
     * words: a smaller heading, no icon.
     */
    public EmptyState compact() {
        getStyleClass().add("compact");
        return this;
    }

    public void setIcon(Ikon value) {
        icon.set(value);
    }

    public String getTitle() {
        return title.get();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setTitle(String value) {
        title.set(value);
    }

    public String getMessage() {
        return message.get();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public void setMessage(String value) {
        message.set(value);
    }
}
