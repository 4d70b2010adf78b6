package io.siftbench.views.shell;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help ▸ About: versions, licence, attributions and the third-party list, all selectable for a bug report. */
final class AboutDialog {

    private AboutDialog() {}

    static void show(Window owner, About about) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Siftbench");
        dialog.setHeaderText(
                about.versions().isEmpty()
                        ? "Siftbench"
                        : about.versions().get(0).name() + " "
                                + about.versions().get(0).version());
        dialog.getDialogPane().setId("about-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        GridPane versions = new GridPane();
        versions.setHgap(12);
        versions.setVgap(4);
        versions.setId("about-versions");
        for (int row = 0; row < about.versions().size(); row++) {
            About.Version v = about.versions().get(row);
            versions.addRow(row, new Label(v.name()), new Label(v.version()));
        }
        versions.addRow(
                about.versions().size(),
                new Label("Log folder"),
                new Label(about.logFolder().toString()));
        Label licence = wrapped(about.licence());
        licence.setId("about-licence");
        VBox content = new VBox(10, versions, licence);
        if (!about.attributions().isEmpty()) {
            Label attributions = wrapped(String.join("\n", about.attributions()));
            attributions.setId("about-attributions");
            content.getChildren().add(attributions);
        }
        TextArea thirdParty = new TextArea(about.thirdParty());
        thirdParty.setId("about-third-party");
        thirdParty.setEditable(false);
        thirdParty.setWrapText(false);
        thirdParty.setPrefRowCount(14);
        VBox.setVgrow(thirdParty, Priority.ALWAYS);
        content.getChildren().addAll(new Label("Third-party libraries and their licences:"), thirdParty);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(760);
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        dialog.show();
    }

    /** Help ▸ Quick start: the README's eight steps from a new project to an export. */
    static void showQuickStart(Window owner, About about) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Quick start");
        dialog.setHeaderText("Quick start");
        dialog.getDialogPane().setId("quick-start-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Label text = wrapped(about.quickStart());
        text.setId("quick-start");
        text.setPrefWidth(640);
        dialog.getDialogPane().setContent(text);
        dialog.setResizable(true);
        dialog.show();
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
