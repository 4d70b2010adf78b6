package io.siftbench.model.curation;

/** How near duplicates are found; the researcher picks one of the two, each with its own kind of threshold. */
public enum NearDuplicateMethod {

    /** MinHash with LSH over word shingles: the threshold is a Jaccard similarity of the shingle sets. */
    MINHASH("MinHash Jaccard", MinHashDetector.DEFAULT_THRESHOLD),
    /** The cosine similarity of the samples' MiniLM embeddings. */
    EMBEDDING("embedding cosine", EmbeddingDuplicateDetector.DEFAULT_THRESHOLD);

    private final String title;
    private final double defaultThreshold;

    NearDuplicateMethod(String title, double defaultThreshold) {
        this.title = title;
        this.defaultThreshold = defaultThreshold;
    }

    /** How the method is named in the thresholds form and in the flags' reasons. */
    public String title() {
        return title;
    }

    /** The threshold a researcher starts from when choosing this method. */
    public double defaultThreshold() {
        return defaultThreshold;
    }
}
