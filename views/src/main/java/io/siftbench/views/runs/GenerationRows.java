package io.siftbench.views.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.project.GenerationChoice;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.converter.DoubleStringConverter;

/**
 * What the New run and New pipeline run forms share: the rows of the backend, the model, the temperature and the
 * max tokens, bound to a {@link GenerationChoice}, and the form's two columns.
 */
final class GenerationRows {

    private GenerationRows() {}

    /**
     * Adds the four rows to {@code grid} from {@code row}, their fields' ids starting with {@code id} ("new-run"
     * gives {@code new-run-backend}); returns the next row.
     */
    static int add(GridPane grid, int row, GenerationChoice generation, String id) {
        ComboBox<BackendConfig> backend = new ComboBox<>(generation.backends());
        backend.setId(id + "-backend");
        backend.valueProperty().bindBidirectional(generation.backendProperty());
        backend.setMaxWidth(Double.MAX_VALUE);
        backend.setConverter(Controls.shownAs(b -> b.name() + " (" + b.location() + ")"));
        TextField model = Controls.boundField(id + "-model", "the backend's model", generation.modelProperty());
        TextField temperature = Controls.numberField(
                id + "-temperature",
                generation.temperatureProperty(),
                new DoubleStringConverter(),
                TextField.DEFAULT_PREF_COLUMN_COUNT);
        Spinner<Integer> maxTokens = Controls.spinner(id + "-max-tokens", 1, 1_000_000, generation.maxTokensProperty());
        grid.addRow(row++, new Label("Backend"), backend);
        grid.addRow(row++, new Label("Model"), model);
        grid.addRow(row++, new Label("Temperature"), temperature);
        grid.addRow(row++, new Label("Max tokens"), maxTokens);
        return row;
    }

    /** The labels keep their whole text ("Votes (self-consistency)"); the fields take what is left. */
    static void columns(GridPane grid) {
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(300);
        grid.getColumnConstraints().setAll(labels, fields);
    }
}
