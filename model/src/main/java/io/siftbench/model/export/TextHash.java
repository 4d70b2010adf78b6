package io.siftbench.model.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash of a text after normalising what does not change its meaning (Unicode form, case, runs of
 * white space), so that a contamination check finds an evaluation record however it was re-typed.
 */
public final class TextHash {

    private TextHash() {}

    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return nfkc.strip().replaceAll("\\s+", " ");
    }

    public static String of(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
