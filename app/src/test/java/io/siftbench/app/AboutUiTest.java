package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Help ▸ About in the real window: the versions a bug report needs, the licence and every third-party library. */
class AboutUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void aboutNamesTheVersionsTheLicenceAndTheLibrariesWithTheirLicences() throws Exception {
        SESSION.start(dir.resolve("settings.json"), null);
        robot.clickOn("Help").clickOn("About Siftbench");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#about-dialog")
                .tryQuery()
                .isPresent());

        assertThat(robot.lookup("#about-dialog .header-panel .label")
                        .queryAs(Label.class)
                        .getText())
                .matches("Siftbench \\d+\\.\\d+\\.\\d+");
        assertThat(robot.lookup("#about-versions .label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Java", "JavaFX", "H2")
                .anyMatch(text -> text.startsWith("21."))
                .anyMatch(text -> text.startsWith("2.4.240"));
        assertThat(robot.lookup("#about-licence").queryAs(Label.class).getText())
                .contains("Apache License, Version 2.0");
        String libraries =
                robot.lookup("#about-third-party").queryAs(TextArea.class).getText();
        // Made from the dependency tree by the build: a library the app ships is listed with its licence.
        assertThat(libraries)
                .contains("H2 Database Engine (com.h2database:h2:2.4.240")
                .contains("(MIT License) de.kherud:llama")
                .contains("org.openjfx:javafx-controls")
                .doesNotContain("io.siftbench")
                .doesNotContain("junit");
    }
}
