package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tokenizer every metric uses, so that figures can be checked against other implementations:
 * a token is a lower-cased run of letters and digits ({@code [\p{L}\p{N}]+}); everything else separates.
 */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private Tokenizer() {}

    /** The tokens of {@code text} in order; an empty list for null or token-free text. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }
}
