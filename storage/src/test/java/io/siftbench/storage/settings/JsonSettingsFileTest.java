package io.siftbench.storage.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.model.settings.WindowBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaults() {
        assertThat(new JsonSettingsFile(dir.resolve("settings.json")).load()).isEqualTo(UserSettings.DEFAULT);
    }

    @Test
    void settingsSurviveARestart() {
        Path file = dir.resolve("config/settings.json");
        UserSettings saved = UserSettings.DEFAULT
                .withRecent(dir.resolve("a.mv.db"))
                .withRecent(dir.resolve("b.mv.db"))
                .withTheme(Theme.DARK)
                .withWindow(new WindowBounds(10, 20, 900, 700, false));
        new JsonSettingsFile(file).save(saved);

        UserSettings loaded = new JsonSettingsFile(file).load();

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.recentProjects()).containsExactly(dir.resolve("b.mv.db"), dir.resolve("a.mv.db"));
    }

    @Test
    void unplacedWindowRoundTrips() {
        Path file = dir.resolve("settings.json");
        new JsonSettingsFile(file).save(UserSettings.DEFAULT);

        assertThat(new JsonSettingsFile(file).load().window().unplaced()).isTrue();
    }

    @Test
    void fileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("settings.json");
        new JsonSettingsFile(file).save(UserSettings.DEFAULT.withTheme(Theme.DARK));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void damagedFileIsIgnoredNotFatal() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"recentProjects\": [\"/x\", ");

        assertThat(new JsonSettingsFile(file).load()).isEqualTo(UserSettings.DEFAULT);
    }
}
