package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.Shell;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.testing.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real shell, headless: the New run dialog counts the records its filter matches as the value is typed,
 * and a run started from it against a loopback server shows its live progress in the status bar, completes,
 * and its samples are in the project.
 */
class RunsUiTest {

    private static final int RECORDS = 40;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private LoopbackServer server;
    private Shell shell;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void quit() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(stage::close);
            WaitForAsyncUtils.waitForFxEvents();
            shell.shutdown();
        }
        server.close();
    }

    @Test
    void startsARunFromTheDialogAndWatchesItsProgress() throws Exception {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        // Slow enough (40 answers, 4 at a time, 150 ms each) that the status bar shows the run going.
        server.always(
                LoopbackServer.after(Duration.ofMillis(150), LoopbackServer.answer("{\"label\": \"card_arrival\"}")));
        Path projectFile = dir.resolve("runs.mv.db");
        Path csv = dir.resolve("questions.csv");
        Files.writeString(
                csv,
                IntStream.range(0, RECORDS)
                        .mapToObj(i -> "where is card " + i)
                        .collect(Collectors.joining("\n", "text\n", "\n")));
        try (Project project = new H2ProjectOpener().open(projectFile)) {
            project.datasets().importFile(ImportOptions.of(csv), ImportProgress.NONE);
            project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "intent", "mode": "annotate",
                     "task": {"role": "You label.", "labels": [{"name": "card_arrival"}, {"name": "lost_card"}]},
                     "template": {"user": "Q: {{text}}"}}
                    """,
                            "intent.json"));
        }
        Path settingsFile = dir.resolve("config/settings.json");
        new JsonBackendsFile(settingsFile.resolveSibling("backends.json"))
                .save(new BackendSettings(
                        List.of(BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                                .withName("loopback")),
                        "loopback",
                        GenerationParameters.DEFAULT));
        start(settingsFile, projectFile);

        robot.clickOn("File").clickOn("Open project…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-project")
                .queryAs(Label.class)
                .getText()
                .equals(projectFile.toString()));
        robot.clickOn("#nav-runs");
        robot.clickOn("#run-new");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#new-run-dialog")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        // The filter counts in the background as the value is typed; the run here still takes every record.
        robot.clickOn("#new-run-filter");
        robot.interact(() -> robot.lookup("#new-run-filter-column")
                .queryComboBox()
                .getSelectionModel()
                .select("text"));
        robot.clickOn("#new-run-filter-value").write("where is card 7");
        Label matching = robot.lookup("#new-run-matching").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> matching.getText().equals("1 of " + RECORDS + " records match"));
        robot.clickOn("#new-run-filter");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> matching.getText().isEmpty());
        assertThat(robot.lookup("#new-run-estimate").queryAs(Label.class).getText())
                .as("what the run costs, before it starts")
                .isEqualTo(RECORDS + " calls · no run on this backend has measured its speed yet");
        robot.clickOn("#new-run-start");

        List<String> statusTexts = new ArrayList<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            String text = robot.lookup("#status-task").queryAs(Label.class).getText();
            if (text.contains("samples/s")) {
                statusTexts.add(text);
            }
            return statusTexts.size() >= 2;
        });
        assertThat(statusTexts.get(0))
                .startsWith("Run #1 — ")
                .contains(" / " + RECORDS + " samples", "tokens/s", "ETA");

        @SuppressWarnings("unchecked")
        TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
        // Read on the UI thread: the table re-sorts its rows there as the run's progress arrives.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                        !table.getItems().isEmpty() && table.getItems().get(0).status() == RunStatus.COMPLETED)
                .get());
        // The run just started is selected once the rows settle.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                    RunInfo selected = table.getSelectionModel().getSelectedItem();
                    return selected != null && selected.id() == 1L;
                })
                .get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> Truncation.clipped(table)).get())
                .as("every value of the runs table reads whole at 1280×800, or on hover where it is free text")
                .isEmpty();
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#run-progress-text").queryAs(Label.class).getText())
                .isEqualTo(RECORDS + " / " + RECORDS + " samples · completed");
        Project open = shell.viewModel().projectProperty().get();
        assertThat(open.samples().list(1, 0, 100)).hasSize(RECORDS).allSatisfy(s -> assertThat(s.label())
                .isEqualTo("card_arrival"));
        assertThat(server.bodies())
                .allSatisfy(b -> assertThat(b.path("model").asText()).isEqualTo("tiny"));

        // A run opens where its samples are worked on: a double-click in Review, the row's menu in Insights.
        robot.doubleClickOn(firstRow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#card-position")
                .tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().equals("Sample 1 of " + RECORDS))
                .orElse(false));
        assertThat(shell.review().runProperty().get().id()).isEqualTo(1L);
        robot.clickOn("#nav-runs");
        javafx.scene.control.ContextMenu menu = ((javafx.scene.control.TableRow<?>) firstRow()).getContextMenu();
        assertThat(menu.getItems())
                .extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Open in Review", "Open in Compare", "Open in Insights");
        robot.interact(() -> menu.getItems().get(2).fire());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<RunInfo> insightsRun =
                robot.lookup("#insights-run").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> insightsRun.isVisible()
                        && insightsRun.getValue() != null
                        && insightsRun.getValue().id() == 1L);

        // The next run on the same backend is estimated at the speed this one measured.
        robot.clickOn("#nav-runs");
        robot.clickOn("#run-new");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#new-run-estimate")
                .tryQuery()
                .map(n -> ((Label) n).getText().contains("measured on this backend"))
                .orElse(false));
        assertThat(robot.lookup("#new-run-estimate").queryAs(Label.class).getText())
                .matches(RECORDS + " calls · about \\d+ s, at the \\d+\\.\\d calls/s run #1 measured on this backend");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    /** The runs table's row of the newest run (cells are reused, so not simply the first row node found). */
    private javafx.scene.Node firstRow() {
        return robot.lookup("#runs-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0 && !r.isEmpty())
                .query();
    }

    @Test
    void runLeftRunningByAKilledProcessIsListedInterruptedAndOffersResume() throws Exception {
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        Path projectFile = dir.resolve("killed.mv.db");
        try (Project project = new H2ProjectOpener().open(projectFile)) {
            var version = project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "intent", "mode": "annotate",
                     "task": {"role": "You label.", "labels": [{"name": "card_arrival"}, {"name": "lost_card"}]},
                     "template": {"user": "Q: {{text}}"}}
                    """,
                            "intent.json"));
            // Created running and never finished: what a process killed mid-run leaves in the file.
            project.runs()
                    .create(new io.siftbench.model.runs.RunConfig(
                            version.id(),
                            version.mode(),
                            new io.siftbench.model.runs.BackendRef("openai", server.url(), "tiny"),
                            "{}",
                            null,
                            7,
                            1,
                            10,
                            1,
                            "{}"));
        }
        start(dir.resolve("config/settings.json"), projectFile);

        robot.clickOn("File").clickOn("Open project…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-project")
                .queryAs(Label.class)
                .getText()
                .equals(projectFile.toString()));
        robot.clickOn("#nav-runs");
        @SuppressWarnings("unchecked")
        TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(table.getItems().get(0).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(robot.lookup("#run-progress-text").queryAs(Label.class).getText())
                .isEqualTo("0 / 10 samples · interrupted");
        assertThat(robot.lookup("#run-resume").queryButton().isDisabled()).isFalse();
    }

    private void start(Path settingsFile, Path project) throws Exception {
        JsonSettingsFile settings = new JsonSettingsFile(settingsFile);
        var loaded = settings.load();
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseNewProject(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseProjectToOpen(Window owner) {
                return Optional.of(project);
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
}
