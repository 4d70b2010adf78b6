package io.siftbench.views.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.task.FxTaskExecutor;
import io.siftbench.views.testing.AnsweredFileDialogs;
import io.siftbench.views.testing.Robots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Datasets screen alone in a window, over a real project and the real background executor, driven as a
 * user would: import through the preview, jump to the end of the table, search, statistics, delete.
 */
class DatasetsViewUiTest {

    private static final int ROWS = 50_000;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private Path data;

    @BeforeEach
    void showScreen() throws Exception {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i)
                    .append(",\"")
                    .append(i % 1000 == 0 ? "refund, please: " : "card ")
                    .append(i)
                    .append("\",")
                    .append(i % 2 == 0 ? "even" : "odd")
                    .append('\n');
        }
        data = dir.resolve("cards.csv");
        Files.writeString(data, csv.toString());
        FileDialogs dialogs = AnsweredFileDialogs.importing(data);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            project.set(new H2ProjectOpener().open(dir.resolve("p")));
            DatasetsView view = new DatasetsView(new DatasetsViewModel(project.map(Project::datasets), tasks), dialogs);
            stage.setScene(new Scene((Parent) view.node(), 1200, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeScreen() throws Exception {
        FxToolkit.hideStage();
        tasks.close();
        project.get().close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void importBrowseSearchMeasureAndDelete() throws Exception {
        robot.clickOn("#datasets-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-dialog")
                .tryQuery()
                .isPresent());
        TableView<?> preview = robot.lookup("#import-preview-rows").queryAs(TableView.class);
        assertThat(preview.getItems()).hasSize(DatasetsViewModel.PREVIEW_ROWS);
        Robots.clickWhenShown(robot, "OK");

        ListView<?> list = robot.lookup("#datasets-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        TableView<DatasetRecord> table = robot.lookup("#datasets-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == ROWS);
        assertThat(text("#import-status")).isEqualTo("Imported 50000 records.");
        // Records are numbered from 1 (the CSV's line, 2 for the first, is in the tooltip), and every column,
        // the label too, is in sight without scrolling sideways.
        // Read while the cell shows the first record: cells are reused as pages arrive.
        java.util.concurrent.atomic.AtomicReference<String> shown = new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(
                                "#datasets-table .table-cell")
                        .match((javafx.scene.control.TableCell<?, ?> c) -> c.getIndex() == 0
                                && c.getTableColumn() != null
                                && "dataset-record-number"
                                        .equals(c.getTableColumn().getId())
                                && c.getText() != null
                                && c.getTooltip() != null)
                        .tryQuery()
                        .map(c -> {
                            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) c;
                            shown.set(cell.getText() + " | " + cell.getTooltip().getText());
                            return true;
                        })
                        .orElse(false))
                .get());
        assertThat(shown.get()).startsWith("1 | Record 1: line 2 of the imported file");
        assertThat(table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum())
                .as("the columns # id text label fit the table")
                .isLessThanOrEqualTo(table.getWidth());

        // Jump to the end: the rows shown arrive once their page does.
        FxToolkit.setupFixture(() -> table.scrollTo(ROWS - 1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().get(ROWS - 1) != null);
        assertThat(table.getItems().get(ROWS - 1).text("text")).isEqualTo("refund, please: 50000");

        robot.clickOn("#datasets-search").write("REFUND").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text("#datasets-matching").equals("50 records"));

        ComboBox<String> column = robot.lookup("#statistics-column").queryAs(ComboBox.class);
        FxToolkit.setupFixture(() -> column.setValue("label"));
        robot.clickOn("#statistics-compute");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#statistics-summary")
                .equals("label: 50,000 records, 0 empty, 2 distinct values"));

        saveScreenshot("datasets-screen.png");

        robot.clickOn("#datasets-delete");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#delete-dialog")
                .tryQuery()
                .isPresent());
        Robots.clickWhenShown(robot, "OK");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().isEmpty());
    }

    /** Keeps a picture of the screen in target/ for a person to look at. */
    private void saveScreenshot(String name) throws Exception {
        javafx.scene.image.Image image = robot.capture(robot.lookup("#datasets-table")
                        .queryAs(TableView.class)
                        .getScene()
                        .getRoot())
                .getImage();
        Path target = Path.of("target", name);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
