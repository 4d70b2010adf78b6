package io.siftbench.model.insights;

import java.util.List;

/**
 * ROUGE-L F-measure of two texts (Lin, 2004), as Google's {@code rouge_score} computes it with its default
 * tokenizer and no stemming, the scorer the original Self-Instruct filtered its pool with: the longest common
 * subsequence of the two token lists over the candidate's length (precision) and the reference's (recall),
 * combined as {@code 2PR / (P + R)}. Tokens are the {@link Tokenizer}'s, which for ASCII text are the same as
 * {@code rouge_score}'s (lower-cased runs of letters and digits). No Java library on Maven Central computes it.
 */
public final class RougeL {

    private RougeL() {}

    /** The F-measure of {@code candidate} against {@code reference}, 0 when either has no token. */
    public static double f(String candidate, String reference) {
        return f(Tokenizer.tokens(candidate), Tokenizer.tokens(reference));
    }

    /** The F-measure of two token lists (to tokenize a pool member once for many candidates). */
    public static double f(List<String> candidate, List<String> reference) {
        if (candidate.isEmpty() || reference.isEmpty()) {
            return 0;
        }
        int lcs = lcs(candidate, reference);
        if (lcs == 0) {
            return 0;
        }
        double precision = (double) lcs / candidate.size();
        double recall = (double) lcs / reference.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** The length of the longest common subsequence, in two rows of the usual table. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
