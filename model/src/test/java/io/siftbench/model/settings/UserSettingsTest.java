package io.siftbench.model.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserSettingsTest {

    @Test
    void reopenedProjectMovesToTheTopWithoutDuplicate() {
        UserSettings s = UserSettings.DEFAULT
                .withRecent(Path.of("/p/a.mv.db"))
                .withRecent(Path.of("/p/b.mv.db"))
                .withRecent(Path.of("/p/a.mv.db"));

        assertThat(s.recentProjects()).containsExactly(Path.of("/p/a.mv.db"), Path.of("/p/b.mv.db"));
    }

    @Test
    void recentListKeepsTheNewestTen() {
        UserSettings s = UserSettings.DEFAULT;
        for (int i = 0; i < 15; i++) {
            s = s.withRecent(Path.of("/p/" + i + ".mv.db"));
        }

        assertThat(s.recentProjects())
                .hasSize(UserSettings.MAX_RECENT)
                .containsExactlyElementsOf(IntStream.iterate(14, i -> i - 1)
                        .limit(10)
                        .mapToObj(i -> Path.of("/p/" + i + ".mv.db"))
                        .toList());
    }

    @Test
    void themeToggles() {
        assertThat(Theme.LIGHT.toggled()).isEqualTo(Theme.DARK);
        assertThat(Theme.DARK.toggled()).isEqualTo(Theme.LIGHT);
    }
}
