package io.siftbench.views.review;

import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.pipelines.SampleChain;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.SampleInput;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.views.shell.Shortcut;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/**
 * Card mode: one sample, large, with its provenance beside it, decided by keyboard — {@code A} accept,
 * {@code X} reject, {@code E} edit, {@code Space} skip, {@code Ctrl+Z} undo, {@code Ctrl+Shift+Z} redo,
 * {@code 1}–{@code 9} a label (annotate), {@code N} a note. The card takes the focus back on any click
 * outside its editors, so the keys always work.
 */
final class ReviewCard extends HBox {

    /** The keys of a sample being decided; {@link #onDecideKey} reads exactly these. */
    static final List<Shortcut> DECIDING = List.of(
            new Shortcut("A", "accept"),
            new Shortcut("X", "reject"),
            new Shortcut("E", "edit"),
            new Shortcut("Space", "skip"),
            new Shortcut("1–9", "label"),
            new Shortcut("N", "note"),
            new Shortcut("Ctrl+Z", "undo"),
            new Shortcut("Ctrl+Shift+Z", "redo"));

    /** The keys while the label or text is edited. */
    static final List<Shortcut> EDITING = List.of(new Shortcut("Ctrl+Enter", "saves"), new Shortcut("Esc", "cancels"));

    /** The keys while a note is written. */
    static final List<Shortcut> NOTING = List.of(new Shortcut("Enter", "keeps it"), new Shortcut("Esc", "drops it"));

    /** What the keys do right now. */
    private enum State {
        DECIDING,
        EDITING,
        NOTING
    }

    private final ReviewViewModel viewModel;
    private final Label position = new Label();
    private final Label output = new Label();
    private final Label status = new Label();
    private final Label labelLine = new Label();
    private final Label flags = new Label();
    private final Label gold = new Label();
    /** The label set as numbered choices, so that 1–9 say which label they set. */
    private final Label choices = new Label();

    private final Label judge = new Label();
    /** The student's doubt about the label, with the key that takes its suggestion. */
    private final Label doubt = new Label();

    private final Label similar = new Label();
    /** A bootstrap round's sample: why it joined its pool or was left out. */
    private final Label pool = new Label();

    private final SampleProvenance provenance = new SampleProvenance();
    /** The earlier samples of a pipeline step's sample, above its own text: an answer is judged with its question. */
    private final TitledPane chain = new TitledPane();

    private final VBox chainLinks = new VBox(6);
    private final SearchableComboBox<String> labelPicker = new SearchableComboBox<>();
    private final TextArea textEditor = new TextArea();
    private final VBox editBox = new VBox(6);
    private final TextField note = new TextField();
    private final VBox noteBox = new VBox(4);
    private State state = State.DECIDING;
    /** Set when E or N opened an editor: the character the key types must not land in it. */
    private boolean swallowTyped;

    ReviewCard(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
        setId("review-card");
        getStyleClass().add("review-card");
        setFocusTraversable(true);
        setSpacing(16);
        setPadding(new Insets(16));

        output.setId("card-output");
        output.getStyleClass().add("card-output");
        output.setWrapText(true);
        position.setId("card-position");
        status.setId("card-status");
        labelLine.setId("card-label");
        flags.setId("card-flags");
        gold.setId("card-gold");
        choices.setId("card-choices");
        choices.setWrapText(true);
        choices.getStyleClass().add("card-choices");
        doubt.setId("card-doubt");
        doubt.getStyleClass().add("card-warning");
        doubt.setWrapText(true);
        judge.setId("card-judge");
        judge.setWrapText(true);
        similar.setId("card-similar");
        similar.getStyleClass().add("card-warning");
        similar.setWrapText(true);
        // The warning arrives after the card, computed in the background; it takes room only while it says something.
        similar.textProperty().bind(viewModel.similarWarningProperty());
        similar.visibleProperty().bind(similar.textProperty().isNotEmpty());
        similar.managedProperty().bind(similar.visibleProperty());
        pool.setId("card-pool");
        pool.setWrapText(true);
        pool.textProperty().bind(viewModel.poolVerdictProperty());
        pool.visibleProperty().bind(pool.textProperty().isNotEmpty());
        pool.managedProperty().bind(pool.visibleProperty());
        labelPicker.setId("card-label-picker");
        labelPicker.setItems(viewModel.labels());
        labelPicker.setMaxWidth(Double.MAX_VALUE);
        textEditor.setId("card-text-editor");
        textEditor.setWrapText(true);
        textEditor.setPrefRowCount(6);
        editBox.getChildren()
                .addAll(
                        new Label("Edit — " + EDITING.get(0).hint() + ", "
                                + EDITING.get(1).hint()),
                        labelPicker,
                        textEditor);
        editBox.setId("card-edit");
        note.setId("card-note");
        note.setPromptText("A note kept with the next decision on this sample");
        note.textProperty().bindBidirectional(viewModel.noteProperty());
        noteBox.getChildren()
                .addAll(
                        new Label("Note — " + NOTING.get(0).hint() + ", "
                                + NOTING.get(1).hint()),
                        note);
        showEditors(false, false);
        chain.setId("card-chain");
        chain.setContent(chainLinks);

        VBox main = new VBox(
                10,
                position,
                chain,
                output,
                status,
                labelLine,
                gold,
                choices,
                doubt,
                flags,
                judge,
                similar,
                pool,
                editBox,
                noteBox,
                buttons(),
                new Label(
                        String.join(" · ", DECIDING.stream().map(Shortcut::hint).toList())));
        main.getStyleClass().add("card-main");
        HBox.setHgrow(main, Priority.ALWAYS);
        main.setPrefWidth(600);

        getChildren().addAll(main, provenance);

        viewModel.currentProperty().addListener((obs, was, now) -> show(now));
        viewModel
                .modeProperty()
                .addListener((obs, was, now) -> show(viewModel.currentProperty().get()));
        viewModel
                .inputProperty()
                .addListener((obs, was, now) -> show(viewModel.currentProperty().get()));
        viewModel
                .sampleProperty()
                .addListener((obs, was, now) -> show(viewModel.currentProperty().get()));
        // A synthesized sample's input is often no different from the one before: the chain is heard on its own.
        viewModel.chainProperty().addListener((obs, was, now) -> showChain(now));
        viewModel.labels().addListener((javafx.collections.ListChangeListener<String>) c -> showChoices());
        showChoices();
        viewModel.judgementProperty().addListener((obs, was, now) -> showJudgement(now));
        showJudgement(viewModel.judgementProperty().get());
        viewModel.doubtProperty().addListener((obs, was, now) -> showDoubt(now));
        showDoubt(viewModel.doubtProperty().get());
        show(viewModel.currentProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (state == State.DECIDING) {
                requestFocus();
            }
        });
    }

    private HBox buttons() {
        HBox row = new HBox(
                8,
                button("Accept (A)", viewModel::accept),
                button("Reject (X)", viewModel::reject),
                button("Edit (E)", this::startEdit),
                button("Skip (Space)", viewModel::skip),
                button("Note (N)", this::startNote));
        return row;
    }

    private Button button(String text, Runnable action) {
        Button b = new Button(text);
        // Buttons never take the focus, or Space would press them instead of skipping.
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            requestFocus();
        });
        return b;
    }

    private void onKey(KeyEvent e) {
        switch (state) {
            case EDITING -> onEditKey(e);
            case NOTING -> onNoteKey(e);
            case DECIDING -> onDecideKey(e);
        }
    }

    private void onDecideKey(KeyEvent e) {
        swallowTyped = false;
        KeyCode code = e.getCode();
        boolean plain = !e.isShortcutDown() && !e.isAltDown();
        if (code == KeyCode.Z && e.isShortcutDown() && e.isShiftDown()) {
            viewModel.redo();
        } else if (code == KeyCode.Z && e.isShortcutDown()) {
            viewModel.undo();
        } else if (plain && code == KeyCode.A) {
            viewModel.accept();
        } else if (plain && code == KeyCode.X) {
            viewModel.reject();
        } else if (plain && code == KeyCode.SPACE) {
            viewModel.skip();
        } else if (plain && code == KeyCode.E) {
            swallowTyped = true;
            startEdit();
        } else if (plain && code == KeyCode.N) {
            swallowTyped = true;
            startNote();
        } else if (plain && labelNumber(code) > 0) {
            viewModel.chooseLabel(labelNumber(code));
        } else {
            return;
        }
        e.consume();
    }

    private static int labelNumber(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName().replace("Numpad ", "");
            return name.length() == 1 && name.charAt(0) >= '1' && name.charAt(0) <= '9' ? name.charAt(0) - '0' : 0;
        }
        return 0;
    }

    private void onEditKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            boolean annotate = viewModel.modeProperty().get() == PromptMode.ANNOTATE;
            String label = annotate ? labelPicker.getValue() : null;
            String text = annotate ? null : textEditor.getText();
            endEditing();
            if (!annotate || label != null) {
                viewModel.saveEdit(text, label);
            }
        } else if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            endEditing();
        }
    }

    private void onNoteKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            if (e.getCode() == KeyCode.ESCAPE) {
                note.clear();
            }
            state = State.DECIDING;
            noteBox.setVisible(!note.getText().isBlank());
            noteBox.setManaged(noteBox.isVisible());
            requestFocus();
        }
    }

    private void startEdit() {
        ReviewItem item = viewModel.currentProperty().get();
        if (item == null) {
            return;
        }
        boolean annotate = viewModel.modeProperty().get() == PromptMode.ANNOTATE;
        state = State.EDITING;
        showEditors(annotate, !annotate);
        if (annotate) {
            labelPicker.setValue(item.label());
            labelPicker.requestFocus();
            // Showing the picker puts the caret in its search field: the researcher types, Enter picks.
            labelPicker.show();
        } else {
            textEditor.setText(item.text());
            textEditor.requestFocus();
        }
    }

    private void startNote() {
        state = State.NOTING;
        noteBox.setVisible(true);
        noteBox.setManaged(true);
        note.requestFocus();
    }

    private void endEditing() {
        labelPicker.hide();
        state = State.DECIDING;
        showEditors(false, false);
        requestFocus();
    }

    private void showEditors(boolean picker, boolean text) {
        editBox.setVisible(picker || text);
        editBox.setManaged(picker || text);
        labelPicker.setVisible(picker);
        labelPicker.setManaged(picker);
        textEditor.setVisible(text);
        textEditor.setManaged(text);
        noteBox.setVisible(state == State.NOTING || !note.getText().isBlank());
        noteBox.setManaged(noteBox.isVisible());
    }

    private void show(ReviewItem item) {
        if (state == State.EDITING) {
            endEditing();
        }
        showEditors(false, false);
        if (item == null) {
            position.setText(viewModel.size() == 0 ? "Nothing in the queue" : "End of the queue");
            output.setText(viewModel.size() == 0 ? "" : "Every sample in this queue has been seen. Ctrl+Z goes back.");
            for (Label l : new Label[] {status, labelLine, gold, flags}) {
                l.setText("");
            }
            provenance.show(null, SampleInput.NONE);
            showChain(SampleChain.NONE);
            return;
        }
        // The queue's sample has no prompt or raw output; the whole one follows with the card's input.
        Sample whole = viewModel.sampleProperty().get();
        Sample s = whole != null && whole.id() == item.sampleId() ? whole : item.sample();
        SampleInput input = viewModel.inputProperty().get();
        boolean annotate = viewModel.modeProperty().get() == PromptMode.ANNOTATE;
        position.setText("Sample " + (viewModel.positionProperty().get() + 1) + " of " + viewModel.size());
        // Text first: an annotated record's own text is what the label is judged against. A sample without text (a
        // judge's verdict, an output that did not parse) shows what the model wrote.
        output.setText(
                annotate && input.text() != null
                        ? input.text()
                        : s.failed()
                                ? "Failed: " + s.error()
                                : annotate ? item.label() : item.text() != null ? item.text() : s.rawOutput());
        status.setText("Status: " + item.state()
                + (item.decision() != null && item.decision().note() != null
                        ? " — " + item.decision().note()
                        : ""));
        labelLine.setText(CardLines.label(item, annotate));
        flags.setText(CardLines.flags(item, s.validationError()));
        gold.setText(annotate ? CardLines.gold(input, item) : "");
        gold.setVisible(!gold.getText().isEmpty());
        gold.setManaged(gold.isVisible());
        choices.setVisible(annotate && !viewModel.labels().isEmpty());
        choices.setManaged(choices.isVisible());
        provenance.show(s, input);
        showChain(viewModel.chainProperty().get());
    }

    /** The chain's samples, oldest first, each under its step's name; nothing at all for a sample without parent. */
    private void showChain(SampleChain shown) {
        chain.setVisible(shown.present());
        chain.setManaged(shown.present());
        chain.setText(shown.title());
        chainLinks.getChildren().clear();
        for (SampleChain.Link link : shown.parents()) {
            Label step = new Label(link.step());
            step.getStyleClass().add("card-heading");
            Label text = new Label(link.text());
            text.setWrapText(true);
            chainLinks.getChildren().addAll(step, text);
        }
    }

    private void showChoices() {
        choices.setText(CardLines.choices(viewModel.labels()));
    }

    /** The student's doubt about the card's label and the key that accepts its suggestion; nothing without one. */
    private void showDoubt(LabelDoubt now) {
        doubt.setText(now == null ? "" : CardLines.doubt(now, viewModel.labels()));
        doubt.setVisible(now != null);
        doubt.setManaged(now != null);
    }

    /** The newest judge's score and reason for the card shown, or nothing when it was not judged. */
    private void showJudgement(JudgeVerdict verdict) {
        judge.setText(
                verdict == null
                        ? ""
                        : "Judge: " + verdict.scoreText()
                                + (verdict.reason() == null || verdict.reason().isBlank()
                                        ? ""
                                        : " — " + verdict.reason()));
    }

    /**
     * A key pressed on the Review screen outside the card (after choosing a run in its chooser, say): it decides as
     * if the card had the focus, which it then takes, so that the review keys never wait for a click on the card.
     */
    void keyFromScreen(KeyEvent e) {
        if (state == State.DECIDING) {
            onDecideKey(e);
            if (e.isConsumed()) {
                requestFocus();
            }
        }
    }

    /** Puts the keyboard on the card, so that the keys work the moment the screen shows. */
    void focus() {
        if (state == State.DECIDING) {
            requestFocus();
        }
    }
}
