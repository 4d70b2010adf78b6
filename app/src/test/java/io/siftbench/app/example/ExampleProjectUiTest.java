package io.siftbench.app.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.OpenedShell;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.shell.FileDialogs;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ New example project… in the real window, for a researcher who has no server and no model yet. */
class ExampleProjectUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private OpenedShell opened;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void quit() throws Exception {
        if (opened != null) {
            opened.quit();
        }
    }

    @Test
    void theExampleOpensWithItsDatasetAndSaysItAddedTheDemoModel() throws Exception {
        Path example = dir.resolve("example.mv.db");
        opened = OpenedShell.startWith(robot, dir.resolve("settings.json"), new FileDialogs() {
            @Override
            public Optional<Path> chooseNewProject(Window owner) {
                return Optional.of(example);
            }

            @Override
            public Optional<Path> chooseProjectToOpen(Window owner) {
                return Optional.empty();
            }
        });

        robot.clickOn("File").clickOn("New example project…");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#notice-dialog")
                .tryQuery()
                .isPresent());
        DialogPane notice = robot.lookup("#notice-dialog").queryAs(DialogPane.class);
        assertThat(notice.getHeaderText()).isEqualTo("The example project is ready");
        assertThat(notice.getContentText())
                .contains("banking77-sample")
                .contains("the demo model was added as '" + ExampleProject.DEMO_BACKEND + "'");
        assertThat(opened.stage().getTitle()).isEqualTo("Siftbench — example.mv.db");
        ListView<?> datasets = robot.lookup("#datasets-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> datasets.getItems().size() == 1);
        assertThat(datasets.getItems().get(0).toString()).contains("banking77-sample");
        assertThat(new JsonBackendsFile(dir.resolve("backends.json")).load().backends())
                .extracting(b -> b.name())
                .containsExactly(ExampleProject.DEMO_BACKEND);
    }

    @Test
    void aboutNamesWhereTheExampleDataAndTheDemoModelComeFrom() throws Exception {
        opened = OpenedShell.start(robot, dir.resolve("settings.json"), null);

        robot.clickOn("Help").clickOn("About Siftbench");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#about-attributions")
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#about-attributions").queryAs(Label.class).getText())
                .contains("Banking77 by PolyAI")
                .contains("CC BY 4.0")
                .contains("tinyllamas")
                .contains("MIT License");
    }
}
