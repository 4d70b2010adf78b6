package io.siftbench.views.review;

import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.views.controls.Controls;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Table mode: the queue as rows with status, label, confidence, flags and condition values (narrowed by the
 * screen's filters), several selected at once for bulk accept, reject or "set label", each one undoable in
 * one step. A double click opens the row as a card.
 */
final class ReviewTable extends VBox {

    private final TableView<ReviewItem> table = new TableView<>();

    ReviewTable(ReviewViewModel viewModel, Runnable showCard) {
        setId("review-table-mode");
        setSpacing(8);
        table.setId("review-table");
        table.setItems(viewModel.items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns()
                .addAll(List.of(
                        Controls.textColumn(
                                "#",
                                50,
                                item -> String.valueOf(item.sample().slot().ordinal() + 1)),
                        Controls.textColumn("Status", 90, ReviewItem::state),
                        Controls.textColumn("Label", 150, item -> item.label() == null ? "" : item.label()),
                        Controls.textColumn(
                                "Confidence",
                                90,
                                item -> item.sample().confidence() == null
                                        ? ""
                                        : String.format(
                                                java.util.Locale.ROOT,
                                                "%.2f",
                                                item.sample().confidence())),
                        Controls.textColumn("Flags", 90, item -> String.join(", ", item.flags())),
                        Controls.textColumn("Conditions", 160, item -> item.sample().conditions().entrySet().stream()
                                .map(Map.Entry::toString)
                                .sorted()
                                .collect(Collectors.joining(", "))),
                        Controls.textColumn("Text", 400, viewModel::text)));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<ReviewItem> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.moveTo(row.getIndex());
                    showCard.run();
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        // Each bulk button says how many samples it acts on before it is pressed; the message says it after.
        javafx.beans.binding.IntegerBinding chosen =
                javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems());
        Button accept = new Button();
        accept.setId("bulk-accept");
        accept.textProperty().bind(chosen.asString("Accept %d selected"));
        accept.disableProperty().bind(chosen.isEqualTo(0));
        accept.setOnAction(e -> viewModel.decideAll(selected(), DecisionStatus.ACCEPTED));
        Button reject = new Button();
        reject.setId("bulk-reject");
        reject.textProperty().bind(chosen.asString("Reject %d selected"));
        reject.disableProperty().bind(chosen.isEqualTo(0));
        reject.setOnAction(e -> viewModel.decideAll(selected(), DecisionStatus.REJECTED));
        ComboBox<String> label = new ComboBox<>(viewModel.labels());
        label.setId("bulk-label");
        label.setPromptText("Label");
        Button setLabel = new Button();
        setLabel.setId("bulk-set-label");
        setLabel.textProperty().bind(chosen.asString("Set label of %d"));
        setLabel.disableProperty().bind(label.valueProperty().isNull().or(chosen.isEqualTo(0)));
        setLabel.setOnAction(e -> viewModel.labelAll(selected(), label.getValue()));
        // The kinds are read when the menu opens, so that it offers exactly what the run is flagged by now.
        javafx.scene.control.MenuButton rejectFlagged = new javafx.scene.control.MenuButton("Reject all flagged by…");
        rejectFlagged.setId("bulk-reject-flagged");
        rejectFlagged.setOnShowing(e -> rejectFlagged
                .getItems()
                .setAll(viewModel.flagKinds().stream()
                        .map(kind -> {
                            // The count before, as the message after says it: what the action changes.
                            int changes = viewModel.rejectableBy(kind);
                            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
                                    kind.title() + " — rejects " + DecisionMessages.count(changes));
                            item.setDisable(changes == 0);
                            item.setOnAction(a -> viewModel.rejectAllFlaggedBy(kind));
                            return item;
                        })
                        .toList()));
        getChildren().addAll(new HBox(8, accept, reject, label, setLabel, rejectFlagged), table);
    }

    private List<Long> selected() {
        return table.getSelectionModel().getSelectedItems().stream()
                .map(ReviewItem::sampleId)
                .toList();
    }
}
