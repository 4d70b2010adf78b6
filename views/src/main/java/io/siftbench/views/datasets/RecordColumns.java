package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.views.controls.Controls;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.DoubleExpression;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** The columns of a dataset's table: the record's number, then each column of the dataset with its role. */
final class RecordColumns {

    private static final double NUMBER_COLUMN_WIDTH = 64;
    private static final double OTHER_COLUMN_WIDTH = 140;
    private static final double MIN_TEXT_WIDTH = 240;
    private static final double SCROLL_BAR = 20;
    /** The widest a column other than the text grows to fit its values; past it they show whole on hover. */
    private static final double MAX_OTHER_WIDTH = 320;
    /** Marks the text column among a table's columns: it takes the room the others leave and is not fitted. */
    private static final String TEXT = "siftbench.text-column";

    private RecordColumns() {}

    /** @param width the table's width, which the text column fills after the others */
    static List<TableColumn<DatasetRecord, ?>> of(DatasetInfo dataset, DoubleExpression width) {
        List<TableColumn<DatasetRecord, ?>> columns = new ArrayList<>();
        // The record's number, 1..n in import order; the line of the file it came from is in its tooltip.
        TableColumn<DatasetRecord, DatasetRecord> number = new TableColumn<>("#");
        number.setId("dataset-record-number");
        number.setSortable(false);
        number.setPrefWidth(NUMBER_COLUMN_WIDTH);
        number.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        number.setCellFactory(c -> new RecordNumberCell());
        columns.add(number);
        TableColumn<DatasetRecord, String> text = null;
        for (ColumnInfo c : dataset.columns()) {
            String role = c.name().equals(dataset.textColumn())
                    ? " (text)"
                    : c.name().equals(dataset.labelColumn()) ? " (label)" : "";
            java.util.function.Function<DatasetRecord, String> value = r -> r == null ? "…" : r.text(c.name());
            boolean isText = c.name().equals(dataset.textColumn());
            // Every column is at least as wide as its name and role, so that "category (label)" reads whole. The
            // label's values are few and short: fitted to them (fit), they read whole with no hover. The text and
            // the other columns are free text: what their width leaves out shows whole on hover.
            boolean isLabel = c.name().equals(dataset.labelColumn());
            TableColumn<DatasetRecord, String> column = isText
                    ? Controls.freeTextColumn(c.name() + role, MIN_TEXT_WIDTH, value)
                    : isLabel
                            ? Controls.textColumn(c.name() + role, OTHER_COLUMN_WIDTH, value)
                            : Controls.freeTextColumn(c.name() + role, OTHER_COLUMN_WIDTH, value);
            column.setUserData(c.name());
            columns.add(column);
            if (isText) {
                text = column;
            }
        }
        if (text != null) {
            // The text takes the width the other columns leave, so that the label column is in sight at 1280×800;
            // with many columns it keeps a readable minimum and the table scrolls sideways.
            TableColumn<DatasetRecord, String> textColumn = text;
            List<TableColumn<DatasetRecord, ?>> rest =
                    columns.stream().filter(col -> col != textColumn).toList();
            // Live: the other columns widen to their values as pages arrive (fit), and the text gives them the room.
            DoubleBinding others = Bindings.createDoubleBinding(
                    () -> SCROLL_BAR
                            + rest.stream()
                                    .mapToDouble(TableColumn::getPrefWidth)
                                    .sum(),
                    rest.stream().map(TableColumn::prefWidthProperty).toArray(javafx.beans.Observable[]::new));
            text.prefWidthProperty().bind(Bindings.max(MIN_TEXT_WIDTH, width.subtract(others)));
            text.getProperties().put(TEXT, Boolean.TRUE);
        }
        return columns;
    }

    /**
     * Widens each column but the text to the widest value of {@code page}, up to a limit: a label such as
     * "transfer_not_received_by_recipient" reads whole instead of "transfer_not_recei…".
     */
    static void fit(List<TableColumn<DatasetRecord, ?>> columns, List<DatasetRecord> page) {
        for (TableColumn<DatasetRecord, ?> column : columns) {
            if (column.getUserData() instanceof String name
                    && !column.getProperties().containsKey(TEXT)) {
                Controls.widenToFit(column, page.stream().map(r -> r.text(name)), MAX_OTHER_WIDTH);
            }
        }
    }
}
