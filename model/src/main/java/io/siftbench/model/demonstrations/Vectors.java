package io.siftbench.model.demonstrations;

/** The little vector arithmetic cosine similarity needs. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different sizes: " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code v} scaled to length 1 (a zero vector stays zero), so that cosine becomes a dot product. */
    public static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] u = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                u[i] = (float) (v[i] / norm);
            }
        }
        return u;
    }

    public static double cosine(float[] a, float[] b) {
        return dot(unit(a), unit(b));
    }
}
