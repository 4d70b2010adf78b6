package io.siftbench.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.prompts.PromptDraft;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Edits in the Prompt studio are never dropped without a word: opening another version asks to save, discard or
 * stay, and a draft not saved is there again after the application is closed and started again.
 */
class UnsavedDraftUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void openingAnotherVersionAsksAndAnUnsavedDraftOutlivesARestart() throws Exception {
        Path file = dir.resolve("drafts.mv.db");
        Path settings = dir.resolve("settings.json");
        try (Project project = new H2ProjectOpener().open(file)) {
            PromptVersion example = PromptDraft.example().withName("intent");
            project.prompts().save(example.withNote("first"));
            project.prompts().save(example.withNote("second"));
        }
        SESSION.start(settings, file);
        robot.clickOn("#nav-prompt-studio");
        open(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> note().getText().equals("first"));
        robot.clickOn("#task-purpose").write(" at once");
        String edited = purpose().getText();

        // Cancel stays with the edits.
        open(2);
        robot.clickOn("Cancel");
        assertThat(purpose().getText()).isEqualTo(edited);
        assertThat(note().getText()).isEqualTo("first");
        // Discard drops them and opens the other version.
        open(2);
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> note().getText().equals("second"));
        assertThat(purpose().getText()).isNotEqualTo(edited);

        // An edit not saved is kept for the next start.
        robot.clickOn("#task-purpose").write(" kept");
        String kept = purpose().getText();
        SESSION.quit();
        SESSION.start(settings, file);
        robot.clickOn("#nav-prompt-studio");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> purpose().getText().equals(kept));
        assertThat(robot.lookup("#prompt-status").queryAs(Label.class).getText())
                .startsWith("Restored the draft of 'intent' you had not saved");

        // Save keeps them as a version, then opens the one asked for.
        open(1);
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> note().getText().equals("first"));
        SESSION.quit();
        try (Project project = new H2ProjectOpener().open(file)) {
            assertThat(project.prompts().versions("intent")).hasSize(3);
            assertThat(project.prompts().load("intent", 3).task().purpose()).isEqualTo(kept);
        }
        try (var left = java.nio.file.Files.list(dir.resolve("drafts"))) {
            assertThat(left).as("saved, nothing is left to restore").isEmpty();
        }
    }

    /** Opens version {@code version} of "intent" as a researcher does: selected in the list, then Open. */
    private void open(int version) throws java.util.concurrent.TimeoutException {
        @SuppressWarnings("unchecked")
        ListView<StoredVersion> list = robot.lookup("#prompt-versions").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> list.getItems().size() == 2 || list.getItems().size() == 3);
        robot.interact(() -> list.getSelectionModel()
                .clearAndSelect(list.getItems().stream()
                        .filter(v -> v.version() == version)
                        .findFirst()
                        .map(list.getItems()::indexOf)
                        .orElseThrow()));
        robot.clickOn("#prompt-open");
    }

    private TextField purpose() {
        return robot.lookup("#task-purpose").queryAs(TextField.class);
    }

    private TextField note() {
        return robot.lookup("#prompt-note").queryAs(TextField.class);
    }
}
