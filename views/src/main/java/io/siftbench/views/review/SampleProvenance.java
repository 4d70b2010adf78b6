package io.siftbench.views.review;

import io.siftbench.model.review.SampleInput;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunSummary;
import io.siftbench.model.runs.Sample;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * Where the card's sample came from, beside it: the input record as the model saw it, the conditions, the
 * demonstrations and the rendered prompt (collapsed), the model and its parameters, confidence and votes, and the
 * endpoint that answered.
 */
final class SampleProvenance extends ScrollPane {

    private final Label input = new Label();
    private final Label conditions = new Label();
    private final Label demonstrations = new Label();
    private final Label prompt = new Label();
    private final TitledPane demos = new TitledPane("Demonstrations", demonstrations);
    private final TitledPane rendered = new TitledPane("Rendered prompt", prompt);
    private final Label model = new Label();
    /** The sample shown; null when no card is. */
    private Sample shown;
    /** What it was made from, as far as read yet. */
    private SampleInput from = SampleInput.NONE;

    SampleProvenance() {
        input.setId("card-input");
        conditions.setId("card-conditions");
        model.setId("card-model");
        for (Label l : new Label[] {input, conditions, demonstrations, prompt, model}) {
            l.setWrapText(true);
        }
        demos.setId("card-demonstrations");
        demos.setExpanded(false);
        rendered.setId("card-prompt");
        rendered.setExpanded(false);
        demos.expandedProperty().addListener((obs, was, now) -> showCollapsible());
        rendered.expandedProperty().addListener((obs, was, now) -> showCollapsible());
        VBox side = new VBox(
                10,
                heading("Input record"),
                input,
                heading("Conditions"),
                conditions,
                demos,
                rendered,
                heading("Model"),
                model);
        side.setPrefWidth(380);
        setContent(side);
        setFitToWidth(true);
        setFocusTraversable(false);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("card-heading");
        return l;
    }

    /** Shows where {@code s} came from; null (no card) shows nothing. */
    void show(Sample s, SampleInput madeFrom) {
        shown = s;
        this.from = madeFrom;
        if (s == null) {
            for (Label l : new Label[] {input, conditions, model}) {
                l.setText("");
            }
            showCollapsible();
            return;
        }
        input.setText(
                s.slot().recordId() == null
                        ? "none (synthesized)"
                        : "Record " + s.slot().recordId()
                                + lastUserMessage(s)
                                        .map(m -> "\nAs the model saw it:\n" + m)
                                        .orElse(""));
        conditions.setText(
                s.conditions().isEmpty()
                        ? "none"
                        : s.conditions().entrySet().stream()
                                .map(Map.Entry::toString)
                                .sorted()
                                .collect(Collectors.joining("\n")));
        showCollapsible();
        model.setText(s.model() + "\n" + RunSummary.parameters(s.parameters(), s.seed()) + "\nConfidence: "
                + (s.confidence() == null ? "—" : CardLines.confidence(s.confidence()))
                + (s.votes().isEmpty() ? "" : "\nVotes: " + CardLines.votes(s))
                + (s.endpoint() == null ? "" : "\nEndpoint: " + s.endpoint()));
    }

    /**
     * Fills the demonstrations and the rendered prompt only while they are open: laying out a long prompt
     * nobody looks at would cost frames when deciding fast.
     */
    private void showCollapsible() {
        Sample s = shown;
        // Each demonstration with its text and label, as the prompt showed it; its record number until they are read.
        demonstrations.setText(
                s == null || !demos.isExpanded()
                        ? ""
                        : s.slot().demonstrationIds().isEmpty()
                                ? "none"
                                : !from.demonstrations().isEmpty()
                                        ? from.demonstrations().stream()
                                                .map(d -> d.text() + "\n→ " + CardLines.shown(d.label()))
                                                .collect(Collectors.joining("\n\n"))
                                        : "Records "
                                                + s.slot().demonstrationIds().stream()
                                                        .map(String::valueOf)
                                                        .collect(Collectors.joining(", ")));
        prompt.setText(
                s == null || !rendered.isExpanded()
                        ? ""
                        : s.slot().messages().stream()
                                .map(SampleProvenance::message)
                                .collect(Collectors.joining("\n\n")));
    }

    /** The record's text reaches the card through the prompt it was rendered into. */
    private static Optional<String> lastUserMessage(Sample s) {
        List<Message> messages = s.slot().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return Optional.of(messages.get(i).content());
            }
        }
        return Optional.empty();
    }

    private static String message(Message m) {
        return m.role().toUpperCase(Locale.ROOT) + ":\n" + m.content();
    }
}
