package io.siftbench.model.settings;

/** Loads and saves the user's settings; a missing or unreadable file yields the defaults. */
public interface SettingsRepository {

    UserSettings load();

    void save(UserSettings settings);
}
