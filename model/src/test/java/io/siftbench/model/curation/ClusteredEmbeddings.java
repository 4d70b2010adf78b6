package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random embeddings shaped like a run's: samples gather loosely around topics (cosines of about 0.3–0.9 within a
 * topic, near 0 across), and one sample in ten is a planted near duplicate, an earlier sample plus a little noise
 * (cosine about 0.9–0.999), sometimes of another planted one so that groups chain. Not unit length, as a model's
 * raw output need not be.
 */
public final class ClusteredEmbeddings {

    private ClusteredEmbeddings() {}

    public static List<SampleText> samples(int count, int dimension, long seed) {
        Random random = new Random(seed);
        List<float[]> topics = new ArrayList<>();
        for (int t = 0; t < Math.max(1, count / 100); t++) {
            topics.add(noise(random, dimension, 1));
        }
        List<SampleText> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] vector;
            if (i > 0 && i % 10 == 0) {
                float[] original = samples.get(random.nextInt(i)).embedding();
                vector = plus(original, noise(random, dimension, 0.01 + 0.4 * random.nextDouble()));
            } else {
                float[] topic = topics.get(random.nextInt(topics.size()));
                vector = plus(topic, noise(random, dimension, 0.3 + 1.5 * random.nextDouble()));
            }
            samples.add(SampleText.of(i, "sample " + i).withEmbedding(vector));
        }
        return samples;
    }

    private static float[] noise(Random random, int dimension, double scale) {
        float[] noise = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            noise[d] = (float) (random.nextGaussian() * scale);
        }
        return noise;
    }

    private static float[] plus(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int d = 0; d < a.length; d++) {
            sum[d] = a[d] + b[d];
        }
        return sum;
    }
}
