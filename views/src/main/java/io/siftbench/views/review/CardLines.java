package io.siftbench.views.review;

import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.SampleInput;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.student.LabelDoubt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The review card's lines about a sample as text, apart from the nodes that show them. */
final class CardLines {

    private CardLines() {}

    /** A label as the card shows it: an answer that gave none (it did not parse) shows as "none". */
    static String shown(String label) {
        return label == null ? "none" : label;
    }

    /**
     * An annotation's label with what the model said, its confidence and its votes; a synthesized sample's line
     * says what the model wrote where the researcher edited it.
     */
    static String label(ReviewItem item, boolean annotate) {
        Sample s = item.sample();
        if (!annotate) {
            return item.text() != null && !item.text().equals(s.text()) ? "Edited; the model wrote: " + s.text() : "";
        }
        return "Label: " + shown(item.label())
                + (item.label() != null && !item.label().equals(s.label()) ? " (model said " + s.label() + ")" : "")
                + (s.confidence() == null ? "" : " · confidence " + confidence(s.confidence()))
                + (s.votes().isEmpty() ? "" : " · votes " + votes(s));
    }

    /** A confidence as the card and its provenance show it: "0.82". */
    static String confidence(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The labels the votes gave, in order: "card_arrival, card_arrival, none". */
    static String votes(Sample s) {
        return s.votes().stream().map(CardLines::shown).collect(Collectors.joining(", "));
    }

    /** "Gold: card_arrival — agrees", or nothing where the record has no gold label. */
    static String gold(SampleInput input, ReviewItem item) {
        return input.goldLabel() == null
                ? ""
                : "Gold: " + input.goldLabel()
                        + input.agrees(item.label())
                                .map(agree -> agree ? " — agrees" : " — disagrees")
                                .orElse(" — the model gave no label");
    }

    /**
     * "Label doubt: student suggests card_arrival (0.81) over card_linking (0.06) — press 3 to accept card_arrival":
     * the key is the one that sets the suggested label (1–9), or the label picker (E) beyond nine.
     */
    static String doubt(LabelDoubt doubt, List<String> labels) {
        int key = labels.indexOf(doubt.suggested()) + 1;
        String accept = key >= 1 && key <= 9 ? "press " + key : "E picks";
        return "Label doubt: " + doubt.reason() + " — " + accept + " to accept " + doubt.suggested();
    }

    /** The card's flags line without the label doubt, which has a line of its own. */
    static String flags(ReviewItem item, String validationError) {
        List<String> shown = item.flags().stream()
                .filter(flag -> !flag.startsWith(FlagKind.LABEL_DOUBT.title() + ": "))
                .toList();
        return shown.isEmpty()
                ? ""
                : "Flags: " + String.join(", ", shown) + (validationError != null ? " — " + validationError : "");
    }

    /** "1 card_arrival · 2 lost_or_stolen_card · …": what 1–9 set; beyond nine, E's picker finds them by typing. */
    static String choices(List<String> labels) {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < Math.min(9, labels.size()); i++) {
            numbered.add((i + 1) + " " + labels.get(i));
        }
        return String.join(" · ", numbered)
                + (labels.size() > 9 ? " · E finds the other " + (labels.size() - 9) + " by typing" : "");
    }
}
