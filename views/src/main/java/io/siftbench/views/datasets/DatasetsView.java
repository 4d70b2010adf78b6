package io.siftbench.views.datasets;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.views.controls.EmptyState;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;

/** The Datasets screen: the project's datasets, or what to do when there are none. */
public final class DatasetsView implements ScreenView {

    private final StackPane root = new StackPane();

    public DatasetsView(DatasetsViewModel viewModel) {
        ListView<DatasetInfo> list = new ListView<>(viewModel.datasets());
        list.setId("datasets-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DatasetInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.name() + " — " + item.rows() + " records, " + item.columns().size() + " columns");
            }
        });
        EmptyState empty = new EmptyState(Screen.DATASETS.icon(), "", "");
        empty.setId("datasets-empty");
        empty.titleProperty().bind(Bindings.when(viewModel.projectProperty().isNull())
                .then("No project open").otherwise("No datasets yet"));
        empty.messageProperty().bind(Bindings.when(viewModel.projectProperty().isNull())
                .then("Create a project with File ▸ New project… (Ctrl+N) or open one with File ▸ Open project… (Ctrl+O).")
                .otherwise("Import a CSV, TSV, JSONL or JSON file to start."));
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.datasets()));
        list.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(list, empty);
    }

    @Override
    public Screen screen() {
        return Screen.DATASETS;
    }

    @Override
    public Node node() {
        return root;
    }
}
