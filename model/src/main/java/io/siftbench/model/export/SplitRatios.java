package io.siftbench.model.export;

/**
 * A seeded train / validation / test split, as shares that add up to 1.
 *
 * @param seed fixes which record goes where, so that the same export twice gives the same files
 */
public record SplitRatios(double train, double validation, double test, long seed) {

    public SplitRatios {
        if (train < 0 || validation < 0 || test < 0 || Math.abs(train + validation + test - 1) > 1e-9) {
            throw new IllegalArgumentException(
                    "split shares must be >= 0 and add up to 1, not " + train + " / " + validation + " / " + test);
        }
    }

    /** Reads {@code 0.8,0.1,0.1} (train, validation, test). */
    public static SplitRatios parse(String text, long seed) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "a split is three shares train,validation,test such as 0.8,0.1,0.1," + " not '" + text + "'");
        }
        try {
            return new SplitRatios(
                    Double.parseDouble(parts[0].trim()),
                    Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()),
                    seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a split share is not a number in '" + text + "'", e);
        }
    }
}
