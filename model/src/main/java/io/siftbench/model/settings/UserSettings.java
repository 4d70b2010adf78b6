package io.siftbench.model.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Siftbench remembers for the user across restarts (not per project): recent projects, theme,
 * window bounds. Immutable; every change makes a new value.
 */
public record UserSettings(List<Path> recentProjects, Theme theme, WindowBounds window) {

    /** How many recent projects the File menu offers. */
    public static final int MAX_RECENT = 10;

    public static final UserSettings DEFAULT = new UserSettings(List.of(), Theme.LIGHT, WindowBounds.DEFAULT);

    public UserSettings {
        recentProjects = List.copyOf(recentProjects);
    }

    /** Puts {@code project} first in the recent list, without duplicates, keeping at most {@link #MAX_RECENT}. */
    public UserSettings withRecent(Path project) {
        Path normal = project.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>();
        recent.add(normal);
        recentProjects.stream()
                .filter(p -> !p.equals(normal))
                .limit(MAX_RECENT - 1L)
                .forEach(recent::add);
        return new UserSettings(recent, theme, window);
    }

    public UserSettings withoutRecent(Path project) {
        Path normal = project.toAbsolutePath().normalize();
        return new UserSettings(
                recentProjects.stream().filter(p -> !p.equals(normal)).toList(), theme, window);
    }

    public UserSettings withTheme(Theme newTheme) {
        return new UserSettings(recentProjects, newTheme, window);
    }

    public UserSettings withWindow(WindowBounds bounds) {
        return new UserSettings(recentProjects, theme, bounds);
    }
}
