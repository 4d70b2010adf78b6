package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.runs.RunEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real shell, headless: a run on a backend spread over two loopback servers shows, below the runs, what each
 * endpoint did — its requests in flight while the run goes on, then its samples and latency once it is done.
 */
class RunEndpointsUiTest {

    private static final int RECORDS = 24;

    @TempDir
    Path dir;

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    private final FxRobot robot = SESSION.robot();
    private LoopbackServer first;
    private LoopbackServer second;

    @AfterEach
    void stopServers() throws Exception {
        SESSION.quit();
        first.close();
        second.close();
    }

    @Test
    void theSelectedRunShowsEachEndpointsLoadWhileItGoesOnAndItsFiguresOnceDone() throws Exception {
        // Slow enough (24 answers, 2 + 2 at a time, 150 ms each) that the table shows the run going.
        first = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.after(Duration.ofMillis(150), LoopbackServer.answer("{\"label\": \"a\"}")));
        second = new LoopbackServer(LoopbackServer.Protocol.OPENAI)
                .always(LoopbackServer.after(Duration.ofMillis(150), LoopbackServer.answer("{\"label\": \"a\"}")));
        Path projectFile = dir.resolve("endpoints.mv.db");
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                IntStream.range(0, RECORDS)
                        .mapToObj(i -> "question " + i)
                        .collect(Collectors.joining("\n", "text\n", "\n")));
        try (Project project = new H2ProjectOpener().open(projectFile)) {
            DatasetInfo questions = project.datasets()
                    .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                    .dataset();
            StoredVersion prompt = project.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "topics", "mode": "annotate", "task": {"labels": [{"name": "a"}]},
                     "template": {"user": "{{text}}"}}
                    """,
                            "topics.json"));
            project.runs()
                    .create(new RunConfig(
                            prompt.id(),
                            prompt.mode(),
                            new BackendRef("openai", first.url(), "tiny"),
                            "{}",
                            questions.id(),
                            7,
                            4,
                            RECORDS,
                            1,
                            RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        }
        Path settingsFile = dir.resolve("config/settings.json");
        new JsonBackendsFile(settingsFile.resolveSibling("backends.json"))
                .save(new BackendSettings(
                        List.of(BackendConfig.of(BackendKind.OPENAI, first.url(), "tiny")
                                .withName("replicas")
                                .withEndpoints(List.of(new Endpoint(first.url(), 2), new Endpoint(second.url(), 2)))),
                        "replicas",
                        GenerationParameters.DEFAULT));
        SESSION.start(settingsFile, projectFile);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-project")
                .queryAs(Label.class)
                .getText()
                .equals(projectFile.toString()));
        robot.clickOn("#nav-runs");
        @SuppressWarnings("unchecked")
        TableView<RunInfo> runs = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !runs.getItems().isEmpty());
        robot.interact(() -> runs.getSelectionModel().select(0));
        robot.clickOn("#run-resume");

        @SuppressWarnings("unchecked")
        TableView<RunEndpoints.Row> endpoints = robot.lookup("#run-endpoints").queryAs(TableView.class);
        // While it goes on: both endpoints listed, each with its requests in flight against its limit.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> endpoints.isVisible()
                        && endpoints.getItems().size() == 2
                        && cells(endpoints, 5).stream().allMatch(c -> c.matches("[0-2] of 2"))
                        && cells(endpoints, 5).contains("2 of 2"))
                .get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> runs.getItems().get(0).status() == RunStatus.COMPLETED)
                .get());
        robot.interact(() -> runs.getSelectionModel().select(0));
        // Once done: read from the stored samples, with no load since nothing is in flight.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                        cells(endpoints, 1).stream().mapToInt(Integer::parseInt).sum() == RECORDS
                                && cells(endpoints, 5).stream().allMatch(String::isEmpty))
                .get());
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> IntStream.range(0, 2)
                        .mapToObj(i -> cells(endpoints, 0).get(i) + " "
                                + cells(endpoints, 1).get(i) + " "
                                + cells(endpoints, 2).get(i))
                        .toList())
                .get();
        assertThat(shown)
                .containsExactlyInAnyOrder(
                        first.url() + " " + first.chatRequests() + " 0",
                        second.url() + " " + second.chatRequests() + " 0");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cells(endpoints, 4)).get())
                .allSatisfy(median -> assertThat(median).matches("\\d{3,} ms"));

        // Each sample's provenance in Review names the endpoint that answered it.
        javafx.scene.Node firstRow = robot.lookup("#runs-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0 && !r.isEmpty())
                .query();
        robot.doubleClickOn(firstRow);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#card-model")
                .tryQuery()
                .map(n -> n.isVisible()
                        && ((Label) n)
                                .getText()
                                .matches("(?s).*\\nEndpoint: ("
                                        + java.util.regex.Pattern.quote(first.url()) + "|"
                                        + java.util.regex.Pattern.quote(second.url()) + ")"))
                .orElse(false));
    }

    /** The text of column {@code column} in every row, as the table shows it. */
    private static List<String> cells(TableView<RunEndpoints.Row> table, int column) {
        TableColumn<RunEndpoints.Row, ?> c = table.getColumns().get(column);
        return table.getItems().stream()
                .map(r -> String.valueOf(c.getCellObservableValue(r).getValue()))
                .toList();
    }
}
