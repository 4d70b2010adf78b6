package io.siftbench.app.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.OpenedShell;
import io.siftbench.app.ShellSession;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.testing.AnsweredFileDialogs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ New example project… in the real window, for a researcher who has no server and no model yet. */
class ExampleProjectUiTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    private final FxRobot robot = SESSION.robot();

    @Test
    void theExampleOpensWithItsDatasetAndSaysItAddedTheDemoModel() throws Exception {
        Path example = dir.resolve("example.mv.db");
        OpenedShell opened = SESSION.startWith(dir.resolve("settings.json"), AnsweredFileDialogs.creating(example));

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
        SESSION.start(dir.resolve("settings.json"), null);

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
