package io.siftbench.views.controls;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/** Small builders the screens share, so that each screen's code says only what is particular to it. */
public final class Controls {

    /** The room a column header takes beside its title: padding on both sides and a sort arrow. */
    private static final double HEADER_PADDING = 28;
    /** A cell's padding on both sides, with room for the theme's slightly larger text. */
    private static final double CELL_PADDING = 24;
    /** How much wider the theme's font may set a text than the toolkit's default font measures it. */
    private static final double THEME_FONT = 1.1;

    private Controls() {}

    /** A text field with an id and a prompt, bound both ways to {@code property}. */
    public static TextField boundField(String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** A field that takes only what {@code converter} reads, bound both ways to {@code property}. */
    public static <T> TextField numberField(
            String id, Property<T> property, StringConverter<T> converter, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        TextFormatter<T> format = new TextFormatter<>(converter, property.getValue());
        field.setTextFormatter(format);
        format.valueProperty().bindBidirectional(property);
        return field;
    }

    /** An editable spinner of whole numbers from {@code min} to {@code max}, bound both ways to {@code property}. */
    public static Spinner<Integer> spinner(String id, int min, int max, ObjectProperty<Integer> property) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().bindBidirectional(property);
        return spinner;
    }

    /**
     * A row of controls that wraps onto the next line where the pane is too narrow, so that a button or a
     * label is never cut to "Impo…" (an HBox shrinks its children below their text instead).
     */
    public static FlowPane toolbar(double gap, Node... nodes) {
        FlowPane bar = new FlowPane(gap, gap, nodes);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * A table column of text that is never narrower than its title: a constrained table otherwise squeezes
     * short columns to "Sam…" while a long one (a backend's path) keeps its room.
     *
     * @param width the column's preferred width, the share it starts with
     */
    public static <T> TableColumn<T, String> textColumn(String title, double width, Function<T, String> value) {
        return textColumn(title, width, value, new String[0]);
    }

    /**
     * A text column that is never narrower than its title nor than the widest of {@code widest}, the longest values
     * it can hold (a status, a mode, a date): a short column's values are whole at any window size, and the
     * squeeze of a narrow window falls on the columns of free text.
     */
    public static <T> TableColumn<T, String> textColumn(
            String title, double width, Function<T, String> value, String... widest) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        double min = textWidth(title, FontWeight.BOLD) + HEADER_PADDING;
        for (String v : widest) {
            min = Math.max(min, textWidth(v, FontWeight.NORMAL) + CELL_PADDING);
        }
        column.setMinWidth(min);
        column.setPrefWidth(Math.max(width, min));
        if (widest.length > 0) {
            // Its values are known not to need more: the room a wide window gives goes to the free text columns.
            column.setMaxWidth(column.getPrefWidth());
        }
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /**
     * Widens {@code column} to show the widest of {@code values} whole, up to {@code max}; never narrows it, so that
     * the columns do not jump as the user scrolls from page to page.
     */
    public static void widenToFit(TableColumn<?, ?> column, java.util.stream.Stream<String> values, double max) {
        double widest = values.filter(v -> v != null && !v.isEmpty())
                .mapToDouble(v -> textWidth(v, FontWeight.NORMAL) + CELL_PADDING)
                .max()
                .orElse(0);
        double wanted = Math.min(max, widest);
        if (wanted > column.getPrefWidth()) {
            column.setPrefWidth(wanted);
        }
    }

    private static double textWidth(String text, FontWeight weight) {
        Text measure = new Text(text);
        measure.setFont(Font.font(null, weight, Font.getDefault().getSize()));
        // Measured before the theme applies: its font (AtlantaFX's 14 px) is up to a tenth wider than the default.
        return Math.ceil(measure.getLayoutBounds().getWidth() * THEME_FONT);
    }

    /**
     * A column of free text (a server's address, a model's name, a line of settings) that takes the squeeze of a
     * narrow window: what does not fit shows whole on hover.
     */
    public static <T> TableColumn<T, String> freeTextColumn(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = textColumn(title, width, value);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }

    /** Shows {@code nodes} only while {@code when} holds; hidden, they take no room in their pane. */
    public static void showWhen(ObservableBooleanValue when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    /** A label and the control it names, kept on one line when a {@link #toolbar} wraps. */
    public static HBox labelled(String label, Node control) {
        HBox pair = new HBox(6, new Label(label), control);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    /** Shows the choices of a choice box or combo box as {@code text} names them; they are picked, never typed. */
    public static <T> StringConverter<T> shownAs(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    /**
     * A chooser of {@code items} that sets {@code value} as the researcher chooses; a value not among them (a prompt
     * from another project) still shows, as it is. Not a bidirectional binding: a combo box clears its value while
     * its items are replaced, and that must not clear the value it shows.
     */
    public static javafx.scene.control.ComboBox<String> chooser(
            String id, javafx.collections.ObservableList<String> items, javafx.beans.property.StringProperty value) {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>(items);
        box.setId(id);
        box.setValue(value.get());
        box.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(value.get())) {
                value.set(now);
            }
        });
        value.addListener((obs, was, now) -> box.setValue(now));
        items.addListener((javafx.collections.ListChangeListener<String>) c -> box.setValue(value.get()));
        return box;
    }
}
