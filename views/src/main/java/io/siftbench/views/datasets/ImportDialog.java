package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ColumnChoice;
import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.ImportFormat;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportPreview;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The import preview: the first rows and the inferred columns, where the user renames a column, changes its
 * type, marks the text and the label column, and says whether there is a header, before the whole file is read.
 */
final class ImportDialog {

    private final Dialog<ImportOptions> dialog = new Dialog<>();
    private final ImportOptions options;
    private final ImportPreview preview;
    private final TextField name = new TextField();
    private final CheckBox header = new CheckBox("The first row names the columns");
    private final CheckBox skipBadRows = new CheckBox("Skip bad rows (and list them)");
    private final CheckBox replace = new CheckBox("Replace a dataset of the same name");
    private final List<TextField> names = new ArrayList<>();
    private final List<ComboBox<ColumnType>> types = new ArrayList<>();
    private final ToggleGroup text = new ToggleGroup();
    private final ToggleGroup label = new ToggleGroup();

    /**
     * @param reread asked to read the preview again with other options (the header choice changes the columns)
     */
    ImportDialog(Window owner, DatasetsViewModel.PendingImport pending, Consumer<ImportOptions> reread) {
        this.options = pending.options();
        this.preview = pending.preview();
        dialog.initOwner(owner);
        dialog.setTitle("Import " + options.file().getFileName());
        dialog.setHeaderText(describe(preview));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("import-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        String file = options.file().getFileName().toString();
        name.setText(
                options.name() != null
                        ? options.name()
                        : file.contains(".") ? file.substring(0, file.indexOf('.')) : file);
        name.setId("import-name");
        header.setSelected(preview.header());
        header.setId("import-header");
        header.setDisable(preview.format() != ImportFormat.CSV && preview.format() != ImportFormat.TSV);
        header.setOnAction(e -> {
            dialog.setResult(null);
            dialog.close();
            reread.accept(options.withHeader(header.isSelected()));
        });
        skipBadRows.setSelected(options.skipBadRows());
        skipBadRows.setId("import-skip-bad-rows");
        replace.setSelected(options.replace());

        VBox content = new VBox(
                8,
                new Label("Dataset name"),
                name,
                header,
                skipBadRows,
                replace,
                new Label("Columns"),
                columnsGrid(),
                new Label("First rows"),
                rowsTable());
        content.setPadding(new Insets(8));
        content.setPrefWidth(760);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == ButtonType.OK ? chosen() : null);
    }

    /** Shows the dialog and waits for the user; the options to import with, or none when cancelled. */
    java.util.Optional<ImportOptions> ask() {
        return dialog.showAndWait();
    }

    private static String describe(ImportPreview p) {
        String delimiter = p.delimiter() == null
                ? ""
                : ", delimiter " + (p.delimiter() == '\t' ? "tab" : "'" + p.delimiter() + "'");
        return p.format().name() + ", " + p.encoding().name() + delimiter + " — "
                + p.columns().size() + " columns; types are inferred from the whole file unless you choose one.";
    }

    private ScrollPane columnsGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.addRow(
                0,
                new Label("In the file"),
                new Label("Name"),
                new Label("Type"),
                new Label("Text"),
                new Label("Label"));
        List<ColumnInfo> columns = preview.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo c = columns.get(i);
            TextField rename = new TextField(c.name());
            rename.setId("import-column-name-" + i);
            ComboBox<ColumnType> type = new ComboBox<>();
            type.getItems().setAll(ColumnType.values());
            type.setValue(c.type());
            type.setId("import-column-type-" + i);
            RadioButton isText = new RadioButton();
            isText.setToggleGroup(text);
            isText.setUserData(i);
            isText.setSelected(c.name().equals(preview.textColumn()));
            RadioButton isLabel = new RadioButton();
            isLabel.setToggleGroup(label);
            isLabel.setUserData(i);
            isLabel.setSelected(c.name().equals(preview.labelColumn()));
            names.add(rename);
            types.add(type);
            grid.addRow(i + 1, new Label(c.name()), rename, type, isText, isLabel);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setPrefViewportHeight(Math.min(220, 30.0 * (columns.size() + 1)));
        return scroll;
    }

    private TableView<List<String>> rowsTable() {
        TableView<List<String>> table = new TableView<>();
        table.setId("import-preview-rows");
        List<ColumnInfo> columns = preview.columns();
        for (int i = 0; i < columns.size(); i++) {
            int at = i;
            TableColumn<List<String>, String> column =
                    new TableColumn<>(columns.get(i).name());
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    at < row.getValue().size() ? row.getValue().get(at) : null));
            column.setSortable(false);
            table.getColumns().add(column);
        }
        table.getItems().setAll(preview.rows());
        table.setPrefHeight(220);
        return table;
    }

    /** The options with the user's choices; a type is passed on only where the user changed it. */
    private ImportOptions chosen() {
        List<ColumnChoice> choices = new ArrayList<>();
        List<ColumnInfo> columns = preview.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo c = columns.get(i);
            ColumnType type = types.get(i).getValue();
            choices.add(new ColumnChoice(c.name(), names.get(i).getText().trim(), type == c.type() ? null : type));
        }
        return options.withName(name.getText().trim())
                .withHeader(header.isDisabled() ? options.header() : header.isSelected())
                .withSkipBadRows(skipBadRows.isSelected())
                .withReplace(replace.isSelected())
                .withColumns(choices, roleName(text), roleName(label));
    }

    private String roleName(ToggleGroup group) {
        return group.getSelectedToggle() == null
                ? null
                : names.get((Integer) group.getSelectedToggle().getUserData())
                        .getText()
                        .trim();
    }
}
