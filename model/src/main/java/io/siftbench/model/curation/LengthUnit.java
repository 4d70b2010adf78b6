package io.siftbench.model.curation;

import io.siftbench.model.insights.Tokenizer;

/** What a length bound counts: characters (Unicode code points) or words (tokens of the metrics' tokenizer). */
public enum LengthUnit {
    CHARACTERS("characters"),
    WORDS("words");

    private final String plural;

    LengthUnit(String plural) {
        this.plural = plural;
    }

    public int measure(String text) {
        return this == CHARACTERS
                ? text.codePointCount(0, text.length())
                : Tokenizer.tokens(text).size();
    }

    public String plural() {
        return plural;
    }
}
