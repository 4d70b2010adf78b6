package io.siftbench.views.settings;

import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.views.controls.TypedNumbers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The default generation parameters as the Settings screen's fields hold them: text as typed, so that a wrong value
 * stays in its field until the user corrects it, read as parameters only when they are saved.
 */
public final class DefaultParametersForm {

    private final StringProperty temperature = new SimpleStringProperty(this, "temperature");
    private final StringProperty topP = new SimpleStringProperty(this, "topP");
    private final StringProperty maxTokens = new SimpleStringProperty(this, "maxTokens");
    private final StringProperty seed = new SimpleStringProperty(this, "seed");
    private final StringProperty stop = new SimpleStringProperty(this, "stop");
    private final StringProperty timeoutSeconds = new SimpleStringProperty(this, "timeoutSeconds");
    /** The fields as last filled; an edit away from them is unsaved. */
    private List<String> shown;

    DefaultParametersForm() {
        show(GenerationParameters.DEFAULT);
    }

    /** Fills the fields with {@code p}. */
    void show(GenerationParameters p) {
        temperature.set(Double.toString(p.temperature()));
        topP.set(Double.toString(p.topP()));
        maxTokens.set(Integer.toString(p.maxTokens()));
        seed.set(p.seed() == null ? "" : p.seed().toString());
        stop.set(String.join(" | ", p.stop()));
        timeoutSeconds.set(Long.toString(p.timeout().toSeconds()));
        shown = texts();
    }

    /** Whether a field differs from what it was last filled with. */
    boolean unsaved() {
        return !texts().equals(shown);
    }

    private List<String> texts() {
        return Stream.of(temperature, topP, maxTokens, seed, stop, timeoutSeconds)
                .map(field -> field.get() == null ? "" : field.get().strip())
                .toList();
    }

    /**
     * The parameters as typed.
     *
     * @throws IllegalArgumentException naming the first field that is not a number, or a value out of range
     */
    GenerationParameters typed() {
        List<String> stops = stop.get() == null || stop.get().isBlank()
                ? List.of()
                : Arrays.stream(stop.get().split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new GenerationParameters(
                TypedNumbers.number("Temperature", temperature.get()),
                TypedNumbers.number("Top-p", topP.get()),
                (int) whole("Max tokens", maxTokens.get()),
                seed.get() == null || seed.get().isBlank() ? null : (int) whole("Seed", seed.get()),
                stops,
                Duration.ofSeconds(whole("Timeout", timeoutSeconds.get())));
    }

    private static long whole(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a whole number");
        }
    }

    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty topPProperty() {
        return topP;
    }

    public StringProperty maxTokensProperty() {
        return maxTokens;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty stopProperty() {
        return stop;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }
}
