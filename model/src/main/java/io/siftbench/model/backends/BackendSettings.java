package io.siftbench.model.backends;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's backends (by unique name), which one is the default, and the default generation parameters.
 * User-level, not per project: API keys must stay out of project files. Immutable.
 */
public record BackendSettings(List<BackendConfig> backends, String defaultBackend, GenerationParameters defaults) {

    public static final BackendSettings EMPTY = new BackendSettings(List.of(), null, GenerationParameters.DEFAULT);

    public BackendSettings {
        backends = List.copyOf(backends);
        defaults = defaults == null ? GenerationParameters.DEFAULT : defaults;
        String chosen = defaultBackend;
        if (chosen == null || backends.stream().noneMatch(b -> b.name().equals(chosen))) {
            defaultBackend = backends.isEmpty() ? null : backends.get(0).name();
        }
    }

    public Optional<BackendConfig> find(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The backend of {@code kind} at {@code location}: how a run, which names no backend, finds the user's. */
    public Optional<BackendConfig> at(BackendKind kind, String location) {
        return backends.stream()
                .filter(b -> b.kind() == kind && b.location().equals(location))
                .findFirst();
    }

    public Optional<BackendConfig> defaultConfig() {
        return defaultBackend == null ? Optional.empty() : find(defaultBackend);
    }

    /**
     * Puts {@code config} in place of the backend named {@code previousName} (null to add one). Names stay
     * unique: another backend of the same name is refused.
     */
    public BackendSettings with(String previousName, BackendConfig config) {
        boolean clash = backends.stream()
                .anyMatch(b -> b.name().equals(config.name()) && !b.name().equals(previousName));
        if (clash) {
            throw new IllegalArgumentException("There is already a backend named '" + config.name() + "'");
        }
        List<BackendConfig> next = new ArrayList<>(backends);
        int at = previousName == null ? -1 : indexOf(previousName);
        if (at >= 0) {
            next.set(at, config);
        } else {
            next.add(config);
        }
        String nextDefault =
                previousName != null && previousName.equals(defaultBackend) ? config.name() : defaultBackend;
        return new BackendSettings(next, nextDefault, defaults);
    }

    public BackendSettings without(String name) {
        return new BackendSettings(
                backends.stream().filter(b -> !b.name().equals(name)).toList(),
                name.equals(defaultBackend) ? null : defaultBackend,
                defaults);
    }

    public BackendSettings withDefault(String name) {
        return new BackendSettings(backends, name, defaults);
    }

    public BackendSettings withDefaults(GenerationParameters parameters) {
        return new BackendSettings(backends, defaultBackend, parameters);
    }

    private int indexOf(String name) {
        for (int i = 0; i < backends.size(); i++) {
            if (backends.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
