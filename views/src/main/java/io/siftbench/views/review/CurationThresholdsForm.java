package io.siftbench.views.review;

import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.NearDuplicateMethod;
import io.siftbench.model.curation.PatternFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Review screen's curation thresholds as a form: it starts from the thresholds in force, and {@link #settings}
 * checks what the researcher typed, giving the new thresholds or saying what is wrong (and where). Choosing the
 * other near-duplicate method starts its threshold from that method's default, as a Jaccard similarity and a
 * cosine mean different things.
 */
public final class CurationThresholdsForm {

    private final StringProperty minWords = new SimpleStringProperty(this, "minWords", "");
    private final StringProperty maxWords = new SimpleStringProperty(this, "maxWords", "");
    private final StringProperty mustMatch = new SimpleStringProperty(this, "mustMatch", "");
    private final StringProperty mustNotMatch = new SimpleStringProperty(this, "mustNotMatch", "");
    private final StringProperty keywords = new SimpleStringProperty(this, "keywords", "");
    private final StringProperty minTurns = new SimpleStringProperty(this, "minTurns", "");
    private final StringProperty maxTurns = new SimpleStringProperty(this, "maxTurns", "");
    private final ObjectProperty<NearDuplicateMethod> method = new SimpleObjectProperty<>(this, "method");
    private final ObjectProperty<Double> nearDuplicate = new SimpleObjectProperty<>(this, "nearDuplicate");
    private final ObjectProperty<Double> minAgreement = new SimpleObjectProperty<>(this, "minAgreement");
    private final ObjectProperty<Double> tooSimilar = new SimpleObjectProperty<>(this, "tooSimilar");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** Kept as it was: Review's toolbar sets the minimum judge score, beside the queue it filters. */
    private final Double minJudgeScore;

    public CurationThresholdsForm(CurationSettings current) {
        minWords.set(current.minWords() == null ? "" : current.minWords().toString());
        maxWords.set(current.maxWords() == null ? "" : current.maxWords().toString());
        mustMatch.set(current.mustMatch() == null ? "" : current.mustMatch());
        mustNotMatch.set(current.mustNotMatch() == null ? "" : current.mustNotMatch());
        keywords.set(String.join(", ", current.keywords()));
        minTurns.set(current.minTurns() == null ? "" : current.minTurns().toString());
        maxTurns.set(current.maxTurns() == null ? "" : current.maxTurns().toString());
        method.set(current.nearDuplicateMethod());
        nearDuplicate.set(current.nearDuplicate());
        minAgreement.set(current.minAgreement());
        tooSimilar.set(current.tooSimilar());
        minJudgeScore = current.minJudgeScore();
        method.addListener((obs, was, now) -> {
            if (now != null) {
                nearDuplicate.set(now.defaultThreshold());
            }
        });
    }

    public StringProperty minWordsProperty() {
        return minWords;
    }

    public StringProperty maxWordsProperty() {
        return maxWords;
    }

    public StringProperty mustMatchProperty() {
        return mustMatch;
    }

    public StringProperty mustNotMatchProperty() {
        return mustNotMatch;
    }

    /** Keywords separated by commas. */
    public StringProperty keywordsProperty() {
        return keywords;
    }

    /** The fewest turns a dialogue's conversation may have unflagged; empty for no minimum. */
    public StringProperty minTurnsProperty() {
        return minTurns;
    }

    /** The most turns a dialogue's conversation may have unflagged; empty for no maximum. */
    public StringProperty maxTurnsProperty() {
        return maxTurns;
    }

    public ObjectProperty<NearDuplicateMethod> methodProperty() {
        return method;
    }

    /** The near-duplicate threshold of the chosen method. */
    public ObjectProperty<Double> nearDuplicateProperty() {
        return nearDuplicate;
    }

    public ObjectProperty<Double> minAgreementProperty() {
        return minAgreement;
    }

    /** The cosine to an accepted sample from which Review warns. */
    public ObjectProperty<Double> tooSimilarProperty() {
        return tooSimilar;
    }

    /** Why the thresholds typed cannot be used; empty while they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The thresholds as typed, or empty with {@link #problemProperty} saying what is wrong. */
    public Optional<CurationSettings> settings() {
        try {
            Integer min = words("minimum", minWords.get());
            Integer max = words("maximum", maxWords.get());
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException(
                        "The minimum of " + min + " words is above the maximum of " + max + ".");
            }
            Integer fewestTurns = turns("minimum", minTurns.get());
            Integer mostTurns = turns("maximum", maxTurns.get());
            if (fewestTurns != null && mostTurns != null && fewestTurns > mostTurns) {
                throw new IllegalArgumentException(
                        "The minimum of " + fewestTurns + " turns is above the maximum of " + mostTurns + ".");
            }
            List<String> keywordList = Arrays.stream(keywords.get().split(","))
                    .map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .toList();
            // Compiling the patterns here names the malformed one before any sample is flagged with it.
            PatternFilter.of(mustMatch.get(), mustNotMatch.get(), keywordList);
            CurationSettings settings = new CurationSettings(
                    min,
                    max,
                    blankToNull(mustMatch.get()),
                    blankToNull(mustNotMatch.get()),
                    keywordList,
                    share(method.get().title() + " threshold", nearDuplicate.get(), false),
                    share("vote agreement", minAgreement.get(), true),
                    minJudgeScore,
                    method.get(),
                    share("similarity to accepted samples", tooSimilar.get(), false),
                    fewestTurns,
                    mostTurns);
            problem.set("");
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            problem.set(Character.toUpperCase(why.charAt(0)) + why.substring(1));
            return Optional.empty();
        }
    }

    private static Integer words(String which, String typed) {
        return count(which, "words", 0, typed);
    }

    /** A conversation has at least one turn. */
    private static Integer turns(String which, String typed) {
        return count(which, "turns", 1, typed);
    }

    private static Integer count(String which, String of, int least, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int count = Integer.parseInt(text);
            if (count >= least) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The " + which + " number of " + of + " must be a whole number of " + least
                + " or more, " + "not '" + text + "'.");
    }

    /** A threshold in (0, 1], or [0, 1] where {@code zeroAllowed}. */
    private static double share(String what, Double value, boolean zeroAllowed) {
        if (value == null || value > 1 || value < 0 || (!zeroAllowed && value == 0)) {
            throw new IllegalArgumentException("The " + what + " must be " + (zeroAllowed ? "from 0" : "above 0")
                    + " up to 1, not " + value + ".");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
