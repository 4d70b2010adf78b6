package io.siftbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.siftbench.app.ShellSession;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings editor keeps what the researcher typed: choosing another backend asks before edits are dropped,
 * switching the kind does not carry a server URL into the model file field, and a saved model stays shown.
 */
class SettingsEditsUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private HttpServer ollama;

    @AfterEach
    void stopOllama() {
        if (ollama != null) {
            ollama.stop(0);
        }
    }

    @Test
    void choosingAnotherBackendWithUnsavedEditsAsksToSaveDiscardOrStay() throws Exception {
        JsonBackendsFile file = new JsonBackendsFile(dir.resolve("config/backends.json"));
        BackendConfig a = BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "phi4")
                .withName("alpha");
        BackendConfig b = BackendConfig.of(BackendKind.OPENAI, "http://127.0.0.1:8080/v1", "qwen")
                .withName("beta");
        file.save(new BackendSettings(List.of(a, b), "alpha", GenerationParameters.DEFAULT));
        SESSION.start(dir.resolve("config/settings.json"), null);
        robot.clickOn("#nav-settings");
        ListView<BackendConfig> list = list();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        choose("alpha");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().equals("alpha"));

        String edited = "http://127.0.0.1:11435";
        robot.interact(() -> location().setText(edited));
        choose("beta");
        assertThat(dialogHeader()).isEqualTo("The backend 'alpha' has edits that are not saved");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(location().getText()).as("Cancel keeps the edits").isEqualTo(edited);
        assertThat(name().getText()).isEqualTo("alpha");
        assertThat(list.getSelectionModel().getSelectedItem().name())
                .as("Cancel keeps the edited backend chosen")
                .isEqualTo("alpha");

        choose("beta");
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().equals("beta"));
        assertThat(location().getText()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(file.load().find("alpha").orElseThrow().location())
                .as("discarded, not saved")
                .isEqualTo("http://127.0.0.1:11434");

        // "Add" (a new backend) asks too; Save keeps the edits, then moves on.
        robot.interact(() -> location().setText("http://127.0.0.1:8081/v1"));
        robot.clickOn("#backend-add");
        assertThat(dialogHeader()).isEqualTo("The backend 'beta' has edits that are not saved");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> file.load().find("beta").orElseThrow().location().equals("http://127.0.0.1:8081/v1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().isEmpty());
        assertThat(list.getSelectionModel().getSelectedItem()).isNull();

        // A new backend's edits are guarded as well; with nothing typed, choosing asks nothing.
        robot.clickOn("#backend-name").write("gamma");
        choose("beta");
        assertThat(dialogHeader()).isEqualTo("The new backend has edits that are not saved");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> file.load().find("gamma").isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().equals("beta"));
        assertThat(list.getSelectionModel().getSelectedItem().name()).isEqualTo("beta");
        choose("alpha");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().equals("alpha"));
        assertThat(robot.lookup("#unsaved-dialog").tryQuery())
                .as("nothing edited, nothing asked")
                .isEmpty();

        // Removed, the list's own pick of a neighbour does not take over the editor: a new backend is shown.
        robot.clickOn("#backend-remove");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> file.load().find("alpha").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name().getText()).isEmpty();
        assertThat(list.getSelectionModel().getSelectedItem()).isNull();
        assertThat(robot.lookup("#unsaved-dialog").tryQuery()).isEmpty();
    }

    @Test
    void switchingTheKindKeepsEachKindsLocationAndTheSavedModelStaysShown() throws Exception {
        ollama = OllamaTags.start();
        String url = OllamaTags.url(ollama);
        Path gguf = Files.writeString(dir.resolve("tiny-demo.gguf"), "not read here");
        SESSION.start(dir.resolve("config/settings.json"), null);
        robot.clickOn("#nav-settings");
        robot.clickOn("#backend-add");
        robot.clickOn("#backend-name").write("laptop");
        robot.interact(() -> location().setText(url));

        robot.interact(() -> kind().setValue(BackendKind.GGUF));
        assertThat(location().getText()).as("a server URL is no model file").isEmpty();
        robot.interact(() -> location().setText(gguf.toString()));
        robot.interact(() -> kind().setValue(BackendKind.OLLAMA));
        assertThat(location().getText())
                .as("back to the URL typed for the server")
                .isEqualTo(url);

        robot.clickOn("#backend-test");
        Label result = robot.lookup("#backend-test-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("2 models listed"));
        assertThat(model().getValue()).isEqualTo("llama3.2:1b");
        robot.clickOn("#backend-save");
        JsonBackendsFile file = new JsonBackendsFile(dir.resolve("config/backends.json"));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> file.load().find("laptop").isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file.load().find("laptop").orElseThrow().model()).isEqualTo("llama3.2:1b");
        assertThat(model().getValue())
                .as("the Model field shows the model saved")
                .isEqualTo("llama3.2:1b");
        assertThat(model().getEditor().getText()).isEqualTo("llama3.2:1b");

        // The server's model is no model of a file either; switched back, the saved backend is as it was.
        robot.interact(() -> kind().setValue(BackendKind.GGUF));
        assertThat(location().getText()).isEmpty();
        assertThat(model().getEditor().getText()).isEmpty();
        robot.interact(() -> kind().setValue(BackendKind.OLLAMA));
        assertThat(location().getText()).isEqualTo(url);
        assertThat(model().getEditor().getText()).isEqualTo("llama3.2:1b");

        // A GGUF backend's model is its file: saved without one typed, the field shows the file's name.
        robot.clickOn("#backend-add");
        robot.clickOn("#backend-name").write("tiny");
        robot.interact(() -> kind().setValue(BackendKind.GGUF));
        assertThat(location().getText()).as("a new backend starts from no file").isEmpty();
        robot.interact(() -> location().setText(gguf.toString()));
        robot.clickOn("#backend-save");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> file.load().find("tiny").isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file.load().find("tiny").orElseThrow().model()).isEqualTo("tiny-demo.gguf");
        assertThat(model().getEditor().getText()).isEqualTo("tiny-demo.gguf");
        assertThat(location().getText()).isEqualTo(gguf.toString());
        assertThat(robot.lookup("#unsaved-dialog").tryQuery())
                .as("nothing was left unsaved on the way")
                .isEmpty();
    }

    @Test
    void leavingSettingsWithUnsavedEditsAsksToSaveDiscardOrStay() throws Exception {
        JsonBackendsFile file = new JsonBackendsFile(dir.resolve("config/backends.json"));
        BackendConfig a = BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "phi4")
                .withName("alpha");
        file.save(new BackendSettings(List.of(a), "alpha", GenerationParameters.DEFAULT));
        SESSION.start(dir.resolve("config/settings.json"), null);
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list().getItems().size() == 1);
        choose("alpha");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name().getText().equals("alpha"));

        robot.interact(() -> location().setText("http://127.0.0.1:11435"));
        robot.clickOn("#nav-datasets");
        assertThat(dialogHeader()).isEqualTo("The backend 'alpha' has edits that are not saved");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#screen-settings").tryQuery())
                .as("Cancel stays")
                .isPresent();
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected())
                .isTrue();
        assertThat(location().getText()).isEqualTo("http://127.0.0.1:11435");

        robot.clickOn("#nav-datasets");
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#screen-datasets")
                .tryQuery()
                .isPresent());
        robot.clickOn("#nav-settings");
        assertThat(location().getText()).as("discarded").isEqualTo("http://127.0.0.1:11434");

        // The default parameters have their own Save, and are asked about the same way.
        TextField temperature = robot.lookup("#param-temperature").queryAs(TextField.class);
        robot.interact(() -> temperature.setText("0.3"));
        robot.clickOn("#nav-datasets");
        assertThat(dialogHeader()).isEqualTo("The default parameters form has edits that are not saved");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#screen-datasets")
                .tryQuery()
                .isPresent());
        assertThat(file.load().defaults().temperature()).isEqualTo(0.3);
        assertThat(file.load().find("alpha").orElseThrow().location()).isEqualTo("http://127.0.0.1:11434");
        robot.clickOn("#nav-settings");
        robot.clickOn("#nav-datasets");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#unsaved-dialog").tryQuery())
                .as("saved, nothing asked")
                .isEmpty();
        assertThat(robot.lookup("#screen-datasets").tryQuery()).isPresent();
    }

    @Test
    void quittingWithUnsavedEditsInSettingsAsksFirst() throws Exception {
        JsonBackendsFile file = new JsonBackendsFile(dir.resolve("config/backends.json"));
        SESSION.start(dir.resolve("config/settings.json"), null);
        robot.clickOn("#nav-settings");
        robot.clickOn("#backend-name").write("laptop");
        javafx.stage.Window window = name().getScene().getWindow();

        robot.clickOn("#menu-file").clickOn("#menu-quit");
        assertThat(dialogHeader()).isEqualTo("The new backend has edits that are not saved");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isShowing()).as("Cancel stays").isTrue();

        robot.clickOn("#menu-file").clickOn("#menu-quit");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.isShowing());
        assertThat(file.load().find("laptop")).as("saved, then quit").isPresent();
    }

    private void choose(String backend) throws TimeoutException {
        ListView<BackendConfig> list = list();
        int index = list.getItems().stream()
                .filter(c -> c.name().equals(backend))
                .findFirst()
                .map(list.getItems()::indexOf)
                .orElseThrow();
        // Clicked as a researcher does, so that a dialog the click opens is answered by the next click.
        robot.clickOn(robot.lookup(".list-cell")
                .match(n -> ((javafx.scene.control.ListCell<?>) n).getIndex() == index)
                .queryAs(javafx.scene.control.ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String dialogHeader() {
        return robot.lookup("#unsaved-dialog")
                .queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText();
    }

    @SuppressWarnings("unchecked")
    private ListView<BackendConfig> list() {
        return robot.lookup("#backends-list").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<BackendKind> kind() {
        return robot.lookup("#backend-kind").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> model() {
        return robot.lookup("#backend-model").queryAs(ComboBox.class);
    }

    private TextField name() {
        return robot.lookup("#backend-name").queryAs(TextField.class);
    }

    private TextField location() {
        return robot.lookup("#backend-location").queryAs(TextField.class);
    }
}
