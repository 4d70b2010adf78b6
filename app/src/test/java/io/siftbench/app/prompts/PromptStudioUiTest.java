package io.siftbench.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.runs.StudioPreviews;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.prompts.PreviewSources;
import io.siftbench.views.prompts.PreviewViewModel;
import io.siftbench.views.prompts.PromptFileDialogs;
import io.siftbench.views.prompts.PromptStudioView;
import io.siftbench.views.prompts.PromptStudioViewModel;
import io.siftbench.views.prompts.StudioSources;
import io.siftbench.views.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Prompt studio on screen (headless): editing a condition shows in the rendered prompt at once; a judge shows its
 * scale editor instead of the labels and conditions.
 */
@ExtendWith(ApplicationExtension.class)
class PromptStudioUiTest {

    private Path dir;
    private Project project;
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("studio");
        project = new H2ProjectOpener().open(dir.resolve("project"));
        tasks = new FxTaskExecutor();
        PromptStudioViewModel viewModel = new PromptStudioViewModel(
                new SimpleObjectProperty<>(project)
                        .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                tasks);
        viewModel
                .draft()
                .userTemplateProperty()
                .set("{{#condition.tone}}Tone: {{condition.tone}}. {{/condition.tone}}Q: {{text}}");
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        // Within Monocle's headless screen (1280 × 800), or the frame buffer overflows.
        JsonBackendsFile backends = new JsonBackendsFile(dir.resolve("config/backends.json"));
        FirstUseDetection firstUse = new FirstUseDetection(backends, new LocalBackendProbe());
        stage.setScene(new Scene(
                (javafx.scene.Parent) new PromptStudioView(
                                viewModel,
                                new PromptFileDialogs() {
                                    @Override
                                    public Optional<Path> chooseExport(Window owner, String suggestedName) {
                                        return Optional.of(dir.resolve(suggestedName + ".json"));
                                    }

                                    @Override
                                    public Optional<Path> chooseImport(Window owner) {
                                        return Optional.of(dir.resolve("new-prompt.json"));
                                    }
                                },
                                new PreviewViewModel(
                                        viewModel,
                                        new SimpleObjectProperty<>(project)
                                                .map(p -> new PreviewSources(
                                                        p.datasets(), new StudioPreviews(p, firstUse))),
                                        tasks,
                                        backends))
                        .node(),
                1240,
                780));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        project.close();
    }

    private static String rendered(FxRobot robot) {
        return robot.lookup("#rendered-user").queryAs(TextArea.class).getText();
    }

    @Test
    void editingAConditionChangesThePreviewAndASwitchedOffValueDisappears(FxRobot robot) {
        assertThat(rendered(robot)).isEqualTo("Tone: angry. Q: I am still waiting on my card?");

        TextField firstValue = robot.lookup("#condition-0-value-0").queryAs(TextField.class);
        robot.clickOn(firstValue)
                .press(KeyCode.CONTROL)
                .type(KeyCode.A)
                .release(KeyCode.CONTROL)
                .write("furious")
                .type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rendered(robot)).isEqualTo("Tone: furious. Q: I am still waiting on my card?");

        robot.clickOn("#condition-0-value-0-on");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#condition-0-value-0-on")
                        .queryAs(CheckBox.class)
                        .isSelected())
                .isFalse();
        assertThat(rendered(robot))
                .doesNotContain("furious")
                .isEqualTo("Tone: polite. Q: I am still waiting on my card?");

        robot.clickOn("#condition-0-on");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rendered(robot)).isEqualTo("Q: I am still waiting on my card?");
    }

    @Test
    void theRenderedPromptShowsTheDemonstrationsARunWouldSendWithTheirTextAndLabel(FxRobot robot) throws Exception {
        Path csv = dir.resolve("q.csv");
        Files.writeString(csv, "text,category\ncard lost,lost_card\ncard late,card_arrival\nstolen card,lost_card\n");
        project.datasets().importFile(ImportOptions.of(csv).withName("q"), ImportProgress.NONE);
        robot.interact(() -> robot.lookup("#template-user")
                .queryAs(TextArea.class)
                .setText("{{#demos}}E: {{text}} = {{label}}\n{{/demos}}Q: {{text}}"));
        // The dataset imported since the studio opened is offered when the chooser opens, and choosing it fills
        // in the columns marked at import.
        robot.clickOn("#demo-dataset");
        ComboBox<String> dataset = robot.lookup("#demo-dataset").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dataset.getItems().contains("q"));
        robot.clickOn("q");
        ComboBox<String> label = robot.lookup("#demo-label").queryComboBox();
        assertThat(label.getItems()).containsExactly("text", "category");
        assertThat(label.getValue()).isEqualTo("category");
        assertThat(robot.lookup("#demo-text").queryComboBox().getValue()).isEqualTo("text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rendered(robot).contains("E: "));

        // Four demonstrations are asked of a pool of three: the random strategy gives each of them once.
        assertThat(rendered(robot))
                .contains("E: card lost = lost_card\n", "E: card late = card_arrival\n", "E: stolen card = lost_card\n")
                .endsWith("Q: I am still waiting on my card?");
        assertThat(robot.lookup("#prompt-problems").queryListView().getItems())
                .noneMatch(p -> p.toString().contains("demonstrations"));
    }

    @Test
    void typingInTheTemplateUpdatesThePreviewAndFlagsUnknownPlaceholders(FxRobot robot) {
        TextArea user = robot.lookup("#template-user").queryAs(TextArea.class);
        // The editor may lie below the fold of its scroll pane: focus it instead of clicking where it is not.
        robot.interact(() -> {
            user.requestFocus();
            user.end();
        });
        robot.write(" {{mood}}!");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(rendered(robot)).isEqualTo("Tone: angry. Q: I am still waiting on my card? !");
        assertThat(robot.lookup("#template-user-placeholders .placeholder-unknown")
                        .queryAll())
                .extracting(n -> ((javafx.scene.text.Text) n).getText())
                .containsExactly("{{mood}}");
        assertThat(robot.lookup("#prompt-problems").queryListView().getItems())
                .anyMatch(p -> p.toString().contains("{{mood}}"));
    }

    @Test
    void switchingToSynthesizeHidesTheLabelsAndWritesTheSchemaFromFields(FxRobot robot) throws Exception {
        robot.clickOn("#prompt-mode").clickOn("synthesize");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#task-labels").query().isVisible())
                .as("an annotation's labels mean nothing to a synthesis")
                .isFalse();
        assertThat(robot.lookup("#schema-fields-note").queryAs(Label.class).getText())
                .isEqualTo("No fields: the model's answer is kept as its text.");

        robot.interact(() -> robot.lookup("#schema-field-add").queryButton().fire());
        robot.interact(() ->
                robot.lookup("#schema-field-name-0").queryAs(TextField.class).setText("question"));
        robot.interact(() -> robot.lookup("#schema-field-add").queryButton().fire());
        robot.interact(() -> {
            robot.lookup("#schema-field-name-1").queryAs(TextField.class).setText("topic");
            robot.lookup("#schema-field-kind-1")
                    .queryComboBox()
                    .setValue(io.siftbench.model.prompts.SchemaField.Kind.CHOICE);
            robot.lookup("#schema-field-values-1").queryAs(TextField.class).setText("cards, transfers");
        });
        com.fasterxml.jackson.databind.JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(robot.lookup("#output-schema").queryAs(TextArea.class).getText());
        assertThat(written.toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"},"
                        + "\"topic\":{\"type\":\"string\",\"enum\":[\"cards\",\"transfers\"]}},"
                        + "\"required\":[\"question\",\"topic\"]}");

        // A schema typed as JSON that fields cannot say stays as typed, and the fields say so.
        robot.interact(() -> robot.lookup("#output-schema")
                .queryAs(TextArea.class)
                .setText("{\"type\":\"object\",\"properties\":{\"turns\":{\"type\":\"array\"}}}"));
        assertThat(robot.lookup("#schema-fields-note").queryAs(Label.class).getText())
                .isEqualTo("This schema says more than flat fields: edit it as JSON below.");
        assertThat(robot.lookup("#output-schema").queryAs(TextArea.class).getText())
                .contains("array");
    }

    @Test
    void switchingToJudgeShowsTheScaleEditorInsteadOfTheLabelsAndConditions(FxRobot robot) {
        assertThat(robot.lookup("#task-labels").query().isVisible()).isTrue();
        assertThat(robot.lookup("#judge-scale").query().isVisible()).isFalse();

        robot.clickOn("#prompt-mode").clickOn("judge");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#judge-scale").query().isVisible()).isTrue();
        assertThat(robot.lookup("#task-labels").query().isVisible()).isFalse();
        assertThat(robot.lookup("#judge-conditions").query().isVisible()).isTrue();
        assertThat(robot.lookup(".conditions-editor").query().isVisible()).isFalse();
        assertThat(robot.lookup("#judged-sample").queryLabeled().getText())
                .isEqualTo("No run to judge is chosen: an example sample stands in.");
        assertThat(robot.lookup("#output-schema-derived")
                        .queryAs(TextArea.class)
                        .getText())
                .contains("\"maximum\" : 5.0", "\"reason\"");

        TextField max = robot.lookup("#scale-max").queryAs(TextField.class);
        robot.interact(() -> max.requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("ten");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#prompt-problems").queryListView().getItems())
                .containsExactly("scale max: 'ten' is not a number");
        robot.clickOn("#prompt-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#prompt-status").queryLabeled().getText())
                .isEqualTo("Cannot save: scale max: 'ten' is not a number");

        robot.clickOn("#scale-kind").clickOn("pass / fail");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scale-max").query().isVisible()).isFalse();
        assertThat(robot.lookup("#output-schema-derived")
                        .queryAs(TextArea.class)
                        .getText())
                .contains("\"pass\"", "\"boolean\"");
        // The template still renders, with an example judged sample, which has no condition values.
        assertThat(rendered(robot)).isEqualTo("Q: I am still waiting on my card?");
    }

    @Test
    void exportsTheDraftAsAPromptFileAndImportsItBack(FxRobot robot) throws Exception {
        robot.clickOn("#prompt-export");
        WaitForAsyncUtils.waitForFxEvents();
        Path exported = dir.resolve("new-prompt.json");
        WaitForAsyncUtils.waitFor(
                10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(exported) && Files.size(exported) > 0);
        assertThat(io.siftbench.model.prompts.PromptFile.read(exported)
                        .template()
                        .user())
                .isEqualTo("{{#condition.tone}}Tone: {{condition.tone}}. {{/condition.tone}}Q: {{text}}");
        Files.writeString(exported, Files.readString(exported).replace("Q: {{text}}", "Question: {{text}}"));

        robot.clickOn("#prompt-import");
        // The draft was edited and not saved as a version: importing over it asks first.
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitFor(
                10, java.util.concurrent.TimeUnit.SECONDS, () -> rendered(robot).startsWith("Tone: angry. Question:"));
        assertThat(rendered(robot)).isEqualTo("Tone: angry. Question: I am still waiting on my card?");
    }
}
