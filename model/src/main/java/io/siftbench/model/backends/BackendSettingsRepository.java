package io.siftbench.model.backends;

/** Loads and saves the user's backends; they live beside the user's settings, never in a project. */
public interface BackendSettingsRepository {

    BackendSettings load();

    void save(BackendSettings settings);
}
