package io.siftbench.storage.demonstrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.demonstrations.DemonstrationPicker;
import io.siftbench.model.demonstrations.RecordEmbeddings;
import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.testing.SharedFixtures;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strategies on real data and the real MiniLM model: similar demonstrations must really be more
 * similar to the question (and share its intent more often) than random ones, and diverse ones must be
 * less alike among themselves than similar ones.
 */
class DemonstrationsOnBanking77Test {

    private static final int K = 4;

    /** Counts what reaches the real model, to show the cache spares it. */
    static final class CountingModel implements EmbeddingModel {
        final EmbeddingModel real = new AllMiniLmL6V2QuantizedEmbeddingModel();
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            return real.embedAll(segments);
        }
    }

    private static List<Demonstration> everyNth(Path csv, int n) throws IOException {
        List<Demonstration> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.toFile())) {
            long id = 0;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                if (id % n == 0) {
                    out.add(new Demonstration(id, row.get("text"), row.get("category"), Map.copyOf(row)));
                }
                id++;
            }
        }
        return out;
    }

    private static double meanCosine(float[] query, List<Demonstration> picks, Map<Long, float[]> vectors) {
        return picks.stream()
                .mapToDouble(d -> Vectors.cosine(query, vectors.get(d.id())))
                .average()
                .orElseThrow();
    }

    private static double meanPairwise(List<Demonstration> picks, Map<Long, float[]> vectors) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < picks.size(); i++) {
            for (int j = i + 1; j < picks.size(); j++) {
                sum += Vectors.cosine(
                        vectors.get(picks.get(i).id()), vectors.get(picks.get(j).id()));
                n++;
            }
        }
        return sum / n;
    }

    private static DemonstrationPicker picker(DemonstrationStrategy s, List<Demonstration> pool, Map<Long, float[]> v) {
        return new DemonstrationPicker(new Demonstrations("b77", s, K, "text", "category", null, 7L), pool, v);
    }

    @Test
    void similarBeatsRandomAndDiverseSpreadsOut(@TempDir Path dir) throws Exception {
        List<Demonstration> pool = everyNth(SharedFixtures.require("data/banking77/train.csv"), 10);
        List<Demonstration> questions = everyNth(SharedFixtures.require("data/banking77/test.csv"), 100);
        Path file = dir.resolve("project");
        CountingModel model = new CountingModel();
        Map<Long, float[]> vectors;
        long dataset;
        try (Project p = new H2ProjectOpener().open(file)) {
            dataset = H2EmbeddingCacheTest.addDataset(file, "b77");
            vectors = new RecordEmbeddings(model, "all-minilm-l6-v2-q", p.recordEmbeddings()).of(dataset, pool);
        }
        assertThat(model.embedded.get()).isEqualTo(pool.size());

        RecordEmbeddings embeddings;
        try (Project reopened = new H2ProjectOpener().open(file)) {
            embeddings = new RecordEmbeddings(model, "all-minilm-l6-v2-q", reopened.recordEmbeddings());
            assertThat(embeddings.of(dataset, pool))
                    .as("cached vectors come back unchanged")
                    .allSatisfy((id, v) -> assertThat(v).containsExactly(vectors.get(id)));
        }
        assertThat(model.embedded.get()).as("the second pass embeds nothing").isEqualTo(pool.size());

        DemonstrationPicker similar = picker(DemonstrationStrategy.SIMILAR, pool, vectors);
        DemonstrationPicker diverse = picker(DemonstrationStrategy.DIVERSE, pool, vectors);
        DemonstrationPicker random = picker(DemonstrationStrategy.RANDOM, pool, vectors);
        double similarCos = 0, randomCos = 0, diverseCos = 0, similarSpread = 0, diverseSpread = 0;
        int similarHits = 0, randomHits = 0;
        for (Demonstration q : questions) {
            float[] v = embeddings.of(q.text());
            var query = new DemonstrationPicker.Query(q.id(), null, v);
            List<Demonstration> s = similar.pick(query);
            List<Demonstration> d = diverse.pick(query);
            List<Demonstration> r = random.pick(query);
            similarCos += meanCosine(v, s, vectors);
            diverseCos += meanCosine(v, d, vectors);
            randomCos += meanCosine(v, r, vectors);
            similarSpread += meanPairwise(s, vectors);
            diverseSpread += meanPairwise(d, vectors);
            similarHits +=
                    (int) s.stream().filter(x -> x.label().equals(q.label())).count();
            randomHits +=
                    (int) r.stream().filter(x -> x.label().equals(q.label())).count();
        }
        int n = questions.size();
        System.out.printf(
                "banking77, %d questions, pool %d, k=%d: mean cosine similar %.3f, diverse %.3f, random %.3f;"
                        + " same intent similar %d/%d, random %d/%d; pairwise cosine similar %.3f, diverse %.3f%n",
                n,
                pool.size(),
                K,
                similarCos / n,
                diverseCos / n,
                randomCos / n,
                similarHits,
                n * K,
                randomHits,
                n * K,
                similarSpread / n,
                diverseSpread / n);

        assertThat(similarCos / n).isGreaterThan(randomCos / n + 0.3);
        assertThat(similarHits).isGreaterThan(3 * randomHits + n);
        assertThat(diverseCos / n).as("diverse stays relevant").isGreaterThan(randomCos / n + 0.2);
        assertThat(diverseSpread)
                .as("diverse picks are less alike than similar ones")
                .isLessThan(similarSpread);
    }
}
