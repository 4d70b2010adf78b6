package io.siftbench.model.embeddings;

/** Small vector maths on embeddings; cosine similarity is what every embedding-based metric compares with. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
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
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "embeddings of different sizes: " + a.length + " and " + b.length + " dimensions");
        }
    }
}
