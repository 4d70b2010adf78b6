package io.siftbench.storage.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.siftbench.model.settings.SettingsRepository;
import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.model.settings.WindowBounds;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user's settings as a JSON file in the per-user configuration folder. It is written whole to a
 * temporary file and moved into place, owner-only, so that a crash never leaves half a file and later
 * secrets in it are not readable by others.
 */
public final class JsonSettingsFile implements SettingsRepository {

    private static final Logger LOG = Logger.getLogger(JsonSettingsFile.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public JsonSettingsFile(Path file) {
        this.file = file;
    }

    /**
     * The settings file in {@code siftbench.home} (a system property, then the {@code SIFTBENCH_HOME}
     * variable) or else the platform's per-user configuration folder.
     */
    public static JsonSettingsFile forCurrentUser() {
        return new JsonSettingsFile(configFolder().resolve("settings.json"));
    }

    public static Path configFolder() {
        String home = System.getProperty("siftbench.home", System.getenv("SIFTBENCH_HOME"));
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        Path user = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : user).resolve("Siftbench");
        }
        if (os.contains("mac")) {
            return user.resolve("Library/Application Support/Siftbench");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : user.resolve(".config")).resolve("siftbench");
    }

    public Path file() {
        return file;
    }

    @Override
    public UserSettings load() {
        if (!Files.isRegularFile(file)) {
            return UserSettings.DEFAULT;
        }
        try {
            return JSON.readValue(file.toFile(), Stored.class).toSettings();
        } catch (IOException | RuntimeException e) {
            // A damaged settings file must not stop the application from starting.
            LOG.log(Level.WARNING, "Ignoring unreadable settings file " + file + ": " + e.getMessage());
            return UserSettings.DEFAULT;
        }
    }

    @Override
    public void save(UserSettings settings) {
        writeOwnerOnly(file, Stored.of(settings));
    }

    /** Writes {@code value} as JSON to a temporary owner-only file beside {@code file}, then moves it into place. */
    static void writeOwnerOnly(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            ownerOnly(tmp);
            JSON.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not save settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** The file's shape: plain strings, so the file stays readable and stable across versions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(List<String> recentProjects, String theme, WindowBounds window) {

        static Stored of(UserSettings s) {
            return new Stored(
                    s.recentProjects().stream().map(Path::toString).toList(),
                    s.theme().name(),
                    s.window());
        }

        UserSettings toSettings() {
            return new UserSettings(
                    recentProjects == null
                            ? List.of()
                            : recentProjects.stream().map(Path::of).toList(),
                    theme == null ? Theme.LIGHT : Theme.valueOf(theme),
                    window == null ? WindowBounds.DEFAULT : window);
        }
    }
}
