package io.siftbench.views.prompts;

import io.siftbench.model.prompts.JudgeScale;
import java.math.BigDecimal;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A judge draft's scale as edited: a score from a lowest to a highest number, or pass/fail. The numbers are text,
 * not numbers: what is typed is kept as typed, and what is not a number is reported, not dropped.
 */
public final class ScaleDraft {

    private final ObjectProperty<JudgeScale.Kind> kind =
            new SimpleObjectProperty<>(this, "kind", JudgeScale.Kind.SCORE);
    private final StringProperty min = new SimpleStringProperty(this, "min", "");
    private final StringProperty max = new SimpleStringProperty(this, "max", "");

    ScaleDraft() {}

    /** The fields, each edit of which changes the scale. */
    List<Observable> parts() {
        return List.of(kind, min, max);
    }

    /** Shows {@code scale}; a prompt without one (not a judge) shows the default score scale. */
    void edit(JudgeScale scale) {
        JudgeScale shown = scale == null || scale.kind() == JudgeScale.Kind.PASS_FAIL ? JudgeScale.DEFAULT : scale;
        kind.set(scale == null ? JudgeScale.Kind.SCORE : scale.kind());
        min.set(plain(shown.min()));
        max.set(plain(shown.max()));
    }

    /**
     * The scale as edited.
     *
     * @throws IllegalArgumentException naming the number that is not one
     */
    JudgeScale scale() {
        if (kind.get() == JudgeScale.Kind.PASS_FAIL) {
            return new JudgeScale(JudgeScale.Kind.PASS_FAIL, null, null);
        }
        return new JudgeScale(JudgeScale.Kind.SCORE, number("scale min", min.get()), number("scale max", max.get()));
    }

    private static double number(String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(
                text.isBlank() ? field + ": empty; type a number" : field + ": '" + text.strip() + "' is not a number");
    }

    /** A number as typed by hand: 1 rather than 1.0, and no digit lost. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A score from min to max, or pass/fail. */
    public ObjectProperty<JudgeScale.Kind> kindProperty() {
        return kind;
    }

    /** The lowest score, as typed. */
    public StringProperty minProperty() {
        return min;
    }

    /** The highest score, as typed. */
    public StringProperty maxProperty() {
        return max;
    }
}
