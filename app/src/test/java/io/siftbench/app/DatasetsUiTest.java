package io.siftbench.app;

import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.FileDialogs;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Datasets screen driven as a user would: import through the preview, browse, search, statistics, delete. */
class DatasetsUiTest {

    private static final int ROWS = 50_000;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Shell shell;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (stage != null) {
            Stage closing = stage;
            stage = null;
            FxToolkit.setupFixture(closing::close);
            WaitForAsyncUtils.waitForFxEvents();
            shell.shutdown();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void importBrowseSearchMeasureAndDelete() throws Exception {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i).append(",\"").append(i % 1000 == 0 ? "refund, please: " : "card ").append(i).append("\",")
                    .append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Path data = dir.resolve("cards.csv");
        Files.writeString(data, csv.toString());
        start(dir.resolve("p.mv.db"), data);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#status-project").endsWith("p.mv.db"));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-dialog").tryQuery().isPresent());
        TableView<?> preview = robot.lookup("#import-preview-rows").queryAs(TableView.class);
        assertThat(preview.getItems()).hasSize(20);
        robot.clickOn("OK");

        ListView<?> list = robot.lookup("#datasets-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        TableView<DatasetRecord> table = robot.lookup("#datasets-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == ROWS);
        assertThat(text("#import-status")).isEqualTo("Imported 50000 records.");

        // Jump to the end: only the pages around what is shown are fetched.
        FxToolkit.setupFixture(() -> table.scrollTo(ROWS - 1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().get(ROWS - 1) != null);
        assertThat(table.getItems().get(ROWS - 1).text("text")).isEqualTo("refund, please: 50000");

        robot.clickOn("#datasets-search").write("REFUND").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#datasets-matching").equals("50 records"));

        ComboBox<String> column = robot.lookup("#statistics-column").queryAs(ComboBox.class);
        FxToolkit.setupFixture(() -> column.setValue("label"));
        robot.clickOn("#statistics-compute");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> text("#statistics-summary").equals("label: 50,000 records, 0 empty, 2 distinct values"));

        robot.clickOn("#datasets-delete");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#delete-dialog").tryQuery().isPresent());
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().isEmpty());
    }

    private void start(Path project, Path dataset) throws Exception {
        JsonSettingsFile settings = new JsonSettingsFile(dir.resolve("settings.json"));
        var loaded = settings.load();
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseNewProject(Window owner) {
                return Optional.of(project);
            }

            @Override
            public Optional<Path> chooseProjectToOpen(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseDatasetToImport(Window owner) {
                return Optional.of(dataset);
            }
        };
        FxToolkit.setupFixture(() -> {
            shell = new Shell(settings, loaded, dialogs);
            stage = new Stage();
            shell.show(stage);
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
