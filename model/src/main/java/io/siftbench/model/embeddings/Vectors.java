package io.siftbench.model.embeddings;

/** Small vector maths on embeddings; cosine similarity is what every embedding-based metric compares with. */
public final class Vectors {

    private Vectors() {}

    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        return dot(a, 0, b, 0, a.length);
    }

    /**
     * The dot product of {@code length} floats of {@code a} from {@code aFrom} and of {@code b} from {@code bFrom},
     * summed in double in index order: exactly the value {@link #dot(float[], float[])} gives for the same numbers,
     * so that vectors kept as rows of one matrix compare as they would apart.
     */
    public static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (double) a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    /**
     * A quick estimate of {@link #dot(float[], int, float[], int, int)}: summed in float over four independent
     * sums, which the processor overlaps, instead of one long chain of double additions. It is within
     * {@link #quickDotError(int)} of the exact value when both vectors have at most unit length.
     */
    public static float quickDot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * How far {@link #quickDot} of {@code length} floats can be from the exact dot product of vectors of at most
     * (1 + 1e-6) length, with room to spare. Each float product and addition rounds by a relative 2⁻²⁴ at most, and
     * a sum of n terms in any order is off by at most n·2⁻²⁴ / (1 − n·2⁻²⁴) of the sum of their absolute values,
     * which Cauchy–Schwarz bounds by the product of the lengths; this doubles that, plus two roundings.
     */
    public static double quickDotError(int length) {
        return (length + 2) * 0x1p-23;
    }

    /** The length of the part of {@code v} from {@code from} of {@code length} floats, summed in double. */
    public static double norm(float[] v, int from, int length) {
        return Math.sqrt(dot(v, from, v, from, length));
    }

    /** cos(a, b) = a·b / (|a| |b|); 0 when either vector is all zeros, where the angle is undefined. */
    public static double cosine(float[] a, float[] b) {
        double norms = Math.sqrt(dot(a, a) * dot(b, b));
        return norms == 0 ? 0 : dot(a, b) / norms;
    }

    /** A copy of {@code v} scaled to unit length (all zeros stays all zeros), so that dot product is cosine. */
    public static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] unit = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                unit[i] = (float) (v[i] / norm);
            }
        }
        return unit;
    }

    private static void requireSameLength(float[] a, float[] b) {
        requireSameLength(a.length, b.length);
    }

    static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("embeddings of different sizes: " + a + " and " + b + " dimensions");
        }
    }
}
