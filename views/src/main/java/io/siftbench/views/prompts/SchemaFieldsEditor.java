package io.siftbench.views.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.prompts.SchemaField;
import io.siftbench.views.controls.Controls;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The fields of a generated sample as rows (name, kind, the values of a choice) that write the synthesis prompt's
 * JSON schema as they are edited; the JSON stays editable beside it for what fields cannot say, and a schema
 * edited there into something more than flat fields is said to be so, not rewritten.
 */
final class SchemaFieldsEditor extends VBox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_FIELDS = "No fields: the model's answer is kept as its text.";

    private final StringProperty schema;
    private final VBox rows = new VBox(4);
    private final Label note = new Label();
    private final Button add = new Button("Add field");
    /** True while this editor writes the schema: what it wrote needs no reading back. */
    private boolean writing;

    SchemaFieldsEditor(StringProperty schema) {
        super(4);
        this.schema = schema;
        setId("schema-fields");
        note.setId("schema-fields-note");
        note.setWrapText(true);
        add.setId("schema-field-add");
        add.setOnAction(e -> {
            addRow(SchemaField.text(""));
            write();
            ((FieldRow) rows.getChildren().get(rows.getChildren().size() - 1)).name.requestFocus();
        });
        getChildren().addAll(rows, new HBox(6, add, note));
        schema.addListener((obs, was, now) -> {
            if (!writing) {
                read(now);
            }
        });
        read(schema.get());
    }

    private void read(String text) {
        rows.getChildren().clear();
        Optional<List<SchemaField>> fields = parse(text);
        fields.ifPresent(list -> list.forEach(this::addRow));
        rows.setDisable(fields.isEmpty());
        add.setDisable(fields.isEmpty());
        note.setText(
                fields.isEmpty()
                        ? "This schema says more than flat fields: edit it as JSON below."
                        : fields.get().isEmpty() ? NO_FIELDS : "");
    }

    private static Optional<List<SchemaField>> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(List.of());
        }
        try {
            return SchemaField.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void addRow(SchemaField field) {
        FieldRow row = new FieldRow(field, rows.getChildren().size());
        row.remove.setOnAction(e -> {
            rows.getChildren().remove(row);
            write();
        });
        row.name.textProperty().addListener(x -> write());
        row.kind.valueProperty().addListener(x -> write());
        row.values.textProperty().addListener(x -> write());
        rows.getChildren().add(row);
    }

    /** Writes the schema the rows say; no rows, no schema. */
    private void write() {
        List<SchemaField> fields = rows.getChildren().stream()
                .map(node -> ((FieldRow) node).field())
                .toList();
        writing = true;
        try {
            schema.set(fields.isEmpty() ? "" : SchemaField.schema(fields).toPrettyString());
        } finally {
            writing = false;
        }
        note.setText(fields.isEmpty() ? NO_FIELDS : "");
    }

    /** One field as a row: its name, its kind, the values of a choice, and a button that removes it. */
    private static final class FieldRow extends HBox {

        private final TextField name;
        private final ComboBox<SchemaField.Kind> kind = new ComboBox<>();
        private final TextField values;
        private final Button remove = new Button("Remove");

        FieldRow(SchemaField field, int index) {
            super(6);
            name = new TextField(field.name());
            name.setId("schema-field-name-" + index);
            name.setPromptText("field name");
            kind.setId("schema-field-kind-" + index);
            kind.getItems().setAll(SchemaField.Kind.values());
            kind.setConverter(Controls.shownAs(SchemaField.Kind::title));
            kind.setValue(field.kind());
            values = new TextField(String.join(", ", field.values()));
            values.setId("schema-field-values-" + index);
            values.setPromptText("values, comma separated");
            values.visibleProperty().bind(kind.valueProperty().isEqualTo(SchemaField.Kind.CHOICE));
            values.managedProperty().bind(values.visibleProperty());
            HBox.setHgrow(values, Priority.ALWAYS);
            getChildren().addAll(name, kind, values, remove);
        }

        SchemaField field() {
            return new SchemaField(
                    name.getText(),
                    kind.getValue(),
                    Arrays.stream(values.getText().split(","))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList());
        }
    }
}
