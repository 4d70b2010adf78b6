package io.siftbench.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A backend edited and saved in Settings is the one Preview uses, at once, without choosing it again. */
class PreviewFollowsSettingsUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void aBackendSavedInSettingsIsThePreviewsBackendAtOnce() throws Exception {
        Path file = dir.resolve("studio.mv.db");
        new H2ProjectOpener().open(file).close();
        new JsonBackendsFile(dir.resolve("backends.json"))
                .save(BackendSettings.EMPTY.with(
                        null,
                        BackendConfig.of(BackendKind.OPENAI, "http://127.0.0.1:8080/v1", "old-model")
                                .withName("laptop")));
        SESSION.start(dir.resolve("settings.json"), file);
        robot.clickOn("#nav-prompt-studio").clickOn("Preview 5");
        @SuppressWarnings("unchecked")
        ComboBox<BackendConfig> backend = robot.lookup("#preview-backend").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> backend.getValue() != null);
        assertThat(backend.getValue().model()).isEqualTo("old-model");

        robot.clickOn("#nav-settings");
        @SuppressWarnings("unchecked")
        ListView<BackendConfig> list = robot.lookup("#backends-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> model = robot.lookup("#backend-model").queryAs(ComboBox.class);
        robot.interact(() -> model.setValue("new-model"));
        robot.clickOn("#backend-save");
        robot.clickOn("#nav-prompt-studio");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "new-model"
                .equals(backend.getValue().model()));
        assertThat(backend.getValue().name()).isEqualTo("laptop");
    }
}
