package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.KilledWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project whose process was killed while an import committed opens in the window as a researcher opens it
 * (File ▸ Open), with the datasets committed before the kill and without the half-stored one.
 */
class RecoveredProjectUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void aProjectKilledWhileAnImportCommittedOpensInTheWindowWithWhatWasCommitted() throws Exception {
        Path file = dir.resolve("killed.mv.db");
        Path csv = dir.resolve("kept.csv");
        Files.writeString(
                csv, "text,category\nwhere is my card,card_arrival\nmy card was stolen,lost_or_stolen_card\n");
        try (Project project = new H2ProjectOpener().open(file)) {
            project.datasets().importFile(ImportOptions.of(csv).withName("kept"), ImportProgress.NONE);
        }
        KilledWriter.killedWhileCommitting(file, "DS_77");

        SESSION.start(dir.resolve("settings.json"), file);
        @SuppressWarnings("unchecked")
        ListView<DatasetInfo> datasets = robot.lookup("#datasets-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> !datasets.getItems().isEmpty());
        assertThat(datasets.getItems())
                .extracting(DatasetInfo::name, DatasetInfo::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kept", 2L));
    }
}
