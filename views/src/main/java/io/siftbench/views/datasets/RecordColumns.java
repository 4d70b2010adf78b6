package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleExpression;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** The columns of a dataset's table: the record's number, then each column of the dataset with its role. */
final class RecordColumns {

    private static final double NUMBER_COLUMN_WIDTH = 64;
    private static final double OTHER_COLUMN_WIDTH = 140;
    private static final double MIN_TEXT_WIDTH = 240;
    private static final double SCROLL_BAR = 20;

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
            TableColumn<DatasetRecord, String> column = new TableColumn<>(c.name() + role);
            column.setUserData(c.name());
            column.setCellValueFactory(r -> new ReadOnlyStringWrapper(
                    r.getValue() == null ? "…" : r.getValue().text(c.name())));
            columns.add(column);
            if (c.name().equals(dataset.textColumn())) {
                text = column;
            } else {
                column.setPrefWidth(OTHER_COLUMN_WIDTH);
            }
        }
        if (text != null) {
            // The text takes the width the other columns leave, so that the label column is in sight at 1280×800;
            // with many columns it keeps a readable minimum and the table scrolls sideways.
            double others = NUMBER_COLUMN_WIDTH
                    + OTHER_COLUMN_WIDTH * (dataset.columns().size() - 1)
                    + SCROLL_BAR;
            text.prefWidthProperty().bind(Bindings.max(MIN_TEXT_WIDTH, width.subtract(others)));
        }
        return columns;
    }
}
