package io.siftbench.views.datasets;

import io.siftbench.model.datasets.DatasetRecord;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A record's number in the dataset, 1..n in import order, as a researcher counts records; where it came from in the
 * imported file (a CSV's line, which the header and quoted line breaks push past the number) is its tooltip.
 */
final class RecordNumberCell extends TableCell<DatasetRecord, DatasetRecord> {

    @Override
    protected void updateItem(DatasetRecord record, boolean empty) {
        super.updateItem(record, empty);
        if (empty || record == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(Long.toString(record.id()));
        setTooltip(new Tooltip("Record " + record.id() + ": line " + record.source() + " of the imported file (element "
                + record.source() + " of a JSON array)"));
    }
}
