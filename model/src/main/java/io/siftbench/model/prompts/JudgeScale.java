package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a judge prompt scores a sample ({@code scale} in the prompt file): a number from {@code min} to
 * {@code max}, answered as {@code {"score": 4, "reason": "…"}}, or pass/fail, answered as
 * {@code {"pass": true, "reason": "…"}} and read as score 1 (pass) or 0 (fail).
 *
 * @param kind "score" (the default) or "pass-fail"
 * @param min  the lowest score (default 1); none for pass/fail
 * @param max  the highest score (default 5); none for pass/fail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeScale(Kind kind, Double min, Double max) {

    /** A score or a verdict. */
    public enum Kind {
        @JsonProperty("score")
        SCORE,
        @JsonProperty("pass-fail")
        PASS_FAIL
    }

    /** A score from 1 to 5, what a judge prompt without a {@code scale} uses. */
    public static final JudgeScale DEFAULT = new JudgeScale(Kind.SCORE, 1.0, 5.0);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double DEFAULT_MIN = 1;
    private static final double DEFAULT_MAX = 5;

    public JudgeScale {
        kind = kind == null ? Kind.SCORE : kind;
        if (kind == Kind.PASS_FAIL) {
            min = null;
            max = null;
        } else {
            min = min == null ? DEFAULT_MIN : min;
            max = max == null ? DEFAULT_MAX : max;
            if (min >= max) {
                throw new IllegalArgumentException("the scale's min (" + min + ") must be below its max (" + max + ")");
            }
        }
    }

    /** The lowest score a verdict can have: 0 (fail) for pass/fail. */
    @JsonIgnore
    public double lowest() {
        return kind == Kind.PASS_FAIL ? 0 : min;
    }

    /** The highest score a verdict can have: 1 (pass) for pass/fail. */
    @JsonIgnore
    public double highest() {
        return kind == Kind.PASS_FAIL ? 1 : max;
    }

    /**
     * The score below which the "low judge score" filter flags a sample unless the researcher sets another:
     * a fail, or a score in the lower half of the scale.
     */
    @JsonIgnore
    public double passMark() {
        return kind == Kind.PASS_FAIL ? 1 : (min + max) / 2;
    }

    /** The output schema the backends enforce: the score (or pass) and a reason, nothing else. */
    ObjectNode schema() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        String verdict = kind == Kind.PASS_FAIL ? "pass" : "score";
        if (kind == Kind.PASS_FAIL) {
            properties.putObject(verdict).put("type", "boolean");
        } else {
            properties
                    .putObject(verdict)
                    .put("type", "number")
                    .put("minimum", min)
                    .put("maximum", max);
        }
        properties.putObject("reason").put("type", "string");
        schema.putArray("required").add(verdict).add("reason");
        schema.put("additionalProperties", false);
        return schema;
    }
}
