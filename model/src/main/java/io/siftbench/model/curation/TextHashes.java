package io.siftbench.model.curation;

/** The 64-bit hashes the duplicate detectors compare texts by: stable across runs, unlike String.hashCode's 32 bits. */
final class TextHashes {

    private TextHashes() {}

    /** 64-bit FNV-1a of the text's characters. */
    static long fnv(String text) {
        long h = 0xcbf29ce484222325L;
        for (int c = 0; c < text.length(); c++) {
            h ^= text.charAt(c);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
