package io.siftbench.views.project;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where text comes from and how it is sampled, as a form offers it: one of the user's backends, the model to
 * ask for (the backend's own until the user types another), the temperature and the longest answer. The New
 * run form and the studio's Preview both hold one.
 */
public final class GenerationChoice {

    private final ObservableList<BackendConfig> backends = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<BackendConfig> backendsView = FXCollections.unmodifiableObservableList(backends);

    private final ObjectProperty<BackendConfig> backend = new SimpleObjectProperty<>(this, "backend");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(this, "temperature");
    private final ObjectProperty<Integer> maxTokens = new SimpleObjectProperty<>(this, "maxTokens");

    public GenerationChoice() {
        backend.addListener((obs, was, now) -> {
            if (now != null) {
                model.set(now.model());
            }
        });
        show(GenerationParameters.DEFAULT);
    }

    /** Shows the temperature and max tokens of {@code parameters}. */
    public void show(GenerationParameters parameters) {
        temperature.set(parameters.temperature());
        maxTokens.set(parameters.maxTokens());
    }

    /** The chosen backend asking for the typed model (its own when none is typed); null when none is chosen. */
    public BackendConfig chosen() {
        BackendConfig chosen = backend.get();
        return chosen == null || model.get() == null || model.get().isBlank() ? chosen : chosen.withModel(model.get());
    }

    /**
     * {@code base} with the typed temperature and max tokens.
     *
     * @throws IllegalArgumentException when one is not a number or out of range
     */
    public GenerationParameters over(GenerationParameters base) {
        if (temperature.get() == null || maxTokens.get() == null) {
            throw new IllegalArgumentException("Give the temperature and the max tokens as numbers.");
        }
        return new GenerationParameters(
                temperature.get(), base.topP(), maxTokens.get(), base.seed(), base.stop(), base.timeout());
    }

    /** Offers {@code configs} and chooses {@code chosen} among them (null for none). */
    public void offer(List<BackendConfig> configs, BackendConfig chosen) {
        backends.setAll(configs);
        backend.set(chosen);
    }

    /**
     * Offers the user's backends as Settings saved them now: the backend chosen stays chosen by its name (an edited
     * URL, model or schema style applies at once); one removed gives way to the default.
     */
    public void offerSaved(BackendSettings settings) {
        BackendConfig chosen = backend.get();
        offer(
                settings.backends(),
                (chosen == null ? Optional.<BackendConfig>empty() : settings.find(chosen.name()))
                        .or(settings::defaultConfig)
                        .orElse(null));
    }

    /** Offers {@code config} as well, for a backend the user has not saved (a run from the command line). */
    public void add(BackendConfig config) {
        backends.add(config);
    }

    /** The backends to choose from. */
    public ObservableList<BackendConfig> backends() {
        return backendsView;
    }

    public ObjectProperty<BackendConfig> backendProperty() {
        return backend;
    }

    /** The model to ask for; blank: the backend's. */
    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<Double> temperatureProperty() {
        return temperature;
    }

    public ObjectProperty<Integer> maxTokensProperty() {
        return maxTokens;
    }
}
