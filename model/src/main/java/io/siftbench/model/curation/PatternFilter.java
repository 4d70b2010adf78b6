package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.Tokenizer;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Flags samples that do not match {@code mustMatch}, that match {@code mustNotMatch}, or that contain one of the
 * {@code keywords} (a keyword is one or more words, matched as whole tokens, case-insensitively). Null or empty
 * parts are not checked.
 */
public final class PatternFilter implements SampleRule {

    private final Pattern mustMatch;
    private final Pattern mustNotMatch;
    private final List<List<String>> keywords;

    private PatternFilter(Pattern mustMatch, Pattern mustNotMatch, List<List<String>> keywords) {
        this.mustMatch = mustMatch;
        this.mustNotMatch = mustNotMatch;
        this.keywords = keywords;
    }

    /**
     * A filter from the researcher's regular expressions and keyword list.
     *
     * @throws IllegalArgumentException naming the expression and the character where it is malformed
     */
    public static PatternFilter of(String mustMatch, String mustNotMatch, List<String> keywords) {
        return new PatternFilter(
                compile("must-match", mustMatch),
                compile("must-not-match", mustNotMatch),
                keywords.stream()
                        .map(Tokenizer::tokens)
                        .filter(words -> !words.isEmpty())
                        .toList());
    }

    private static Pattern compile(String which, String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "the " + which + " pattern '" + regex + "' is not a valid regular " + "expression at character "
                            + (e.getIndex() + 1) + ": " + e.getDescription(),
                    e);
        }
    }

    @Override
    public Optional<String> check(SampleText sample) {
        String text = sample.text();
        if (mustMatch != null && !mustMatch.matcher(text).find()) {
            return Optional.of("does not match the required pattern '" + mustMatch.pattern() + "'");
        }
        if (mustNotMatch != null) {
            Matcher matcher = mustNotMatch.matcher(text);
            if (matcher.find()) {
                return Optional.of("matches the forbidden pattern '" + mustNotMatch.pattern() + "' at character "
                        + (matcher.start() + 1) + ": '" + matcher.group() + "'");
            }
        }
        List<String> tokens = Tokenizer.tokens(text);
        for (List<String> keyword : keywords) {
            if (Collections.indexOfSubList(tokens, keyword) >= 0) {
                return Optional.of(
                        "contains the keyword '" + String.join(" ", keyword).toLowerCase(Locale.ROOT) + "'");
            }
        }
        return Optional.empty();
    }

    @Override
    public FlagKind kind() {
        return FlagKind.PATTERN;
    }
}
