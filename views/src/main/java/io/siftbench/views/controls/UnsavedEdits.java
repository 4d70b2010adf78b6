package io.siftbench.views.controls;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks, before edits not saved yet would be dropped, whether to save them, discard them or stay: the question a
 * researcher expects of every editor, so that nothing typed is lost without a word.
 */
public final class UnsavedEdits {

    /** What the researcher answered. */
    public enum Answer {
        SAVE,
        DISCARD,
        CANCEL
    }

    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    private static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private UnsavedEdits() {}

    /**
     * Asks whether to save the edits of {@code what} ("the prompt 'intent'") before {@code next} ("opening intent
     * v2"); Escape or closing the dialog stays, as Cancel does.
     */
    public static Answer ask(Window owner, String what, String next) {
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Save them before " + next + "? Discarding drops them.",
                SAVE,
                DISCARD,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved edits");
        alert.setHeaderText(capitalised(what) + " has edits that are not saved");
        alert.getDialogPane().setId("unsaved-dialog");
        ButtonType chosen = alert.showAndWait().orElse(ButtonType.CANCEL);
        return chosen == SAVE ? Answer.SAVE : chosen == DISCARD ? Answer.DISCARD : Answer.CANCEL;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
