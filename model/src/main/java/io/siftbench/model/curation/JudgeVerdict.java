package io.siftbench.model.curation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an LLM-as-judge said about one sample: a score and a reason. The judge prompt asks for a JSON object,
 * either {@code {"score": 4, "reason": "…"}} on a scale, or {@code {"pass": true, "reason": "…"}}, read as
 * score 1 (pass) or 0 (fail). Models often wrap the object in prose or a code fence, so the first {@code {} to
 * the last {@code }} is parsed. {@link JudgeScoreFilter} then flags samples below a minimum score.
 */
public record JudgeVerdict(double score, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a judge's reply.
     *
     * @param min the lowest score the judge prompt allows (ignored for pass/fail)
     * @param max the highest score the judge prompt allows (ignored for pass/fail)
     * @throws IllegalArgumentException saying what is wrong with the reply, with the line and column for
     *                                  malformed JSON
     */
    public static JudgeVerdict parse(String reply, double min, double max) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the judge's reply holds no JSON object: " + abbreviate(reply));
        }
        JsonNode object;
        try {
            object = JSON.readTree(reply.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the judge's reply is not valid JSON" + where(reply, start, e.getLocation()) + ": "
                            + e.getOriginalMessage(),
                    e);
        }
        String reason =
                object.path("reason").isValueNode() ? object.path("reason").asText() : null;
        if (object.path("pass").isBoolean()) {
            return new JudgeVerdict(object.path("pass").asBoolean() ? 1 : 0, reason);
        }
        JsonNode score = object.path("score");
        if (!score.isNumber()) {
            throw new IllegalArgumentException(
                    "the judge's reply has no numeric \"score\" and no boolean \"pass\": " + abbreviate(reply));
        }
        if (score.asDouble() < min || score.asDouble() > max) {
            throw new IllegalArgumentException("the judge's score " + score.asText() + " is outside the scale "
                    + Numbers.format(min) + " to " + Numbers.format(max));
        }
        return new JudgeVerdict(score.asDouble(), reason);
    }

    /** The score as the review card and the flags show it: at most two decimals, no trailing zeros. */
    public String scoreText() {
        return Numbers.format(score);
    }

    /** The error's line and column in the whole reply (the parser counts from the object's first brace). */
    private static String where(String reply, int objectStart, JsonLocation location) {
        if (location == null || location.getCharOffset() < 0) {
            return "";
        }
        int position = (int) Math.min(reply.length(), objectStart + location.getCharOffset());
        int lineStart = reply.lastIndexOf('\n', position - 1) + 1;
        long line =
                1 + reply.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        return " at line " + line + ", column " + (position - lineStart + 1);
    }

    private static String abbreviate(String reply) {
        String oneLine = reply.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 77) + "...'";
    }
}
