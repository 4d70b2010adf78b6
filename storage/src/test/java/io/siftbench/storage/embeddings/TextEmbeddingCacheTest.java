package io.siftbench.storage.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample texts are embedded once per model and project, across runs, screens and reopening. */
class TextEmbeddingCacheTest {

    @TempDir
    Path dir;

    /** The real MiniLM, with every text it is asked to embed written down. */
    private static final class Counted implements EmbeddingModel {
        private static final EmbeddingModel MINI_LM = new AllMiniLmL6V2QuantizedEmbeddingModel();
        final List<String> asked = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(segment -> asked.add(segment.text()));
            return MINI_LM.embedAll(segments);
        }
    }

    @Test
    void keepsVectorsPerModelAndTextAcrossReopeningAndReadsLargeSetsInChunks() {
        Path file = dir.resolve("cache");
        List<String> many = IntStream.range(0, 2500).mapToObj(i -> "text " + i).toList();
        try (Project p = new H2ProjectOpener().open(file)) {
            p.textEmbeddings()
                    .store(
                            "minilm",
                            Map.of("card arrived", new float[] {0.5f, -1.25f, 3e-7f}, "exchange rate", new float[] {
                                1, 2, 3
                            }));
            p.textEmbeddings().store("other", Map.of("card arrived", new float[] {9, 9, 9}));
            p.textEmbeddings().store("minilm", Map.of("exchange rate", new float[] {4, 5, 6}));
            Map<String, float[]> manyVectors = new java.util.HashMap<>();
            many.forEach(text -> manyVectors.put(text, new float[] {text.length()}));
            p.textEmbeddings().store("minilm", manyVectors);
        }
        try (Project p = new H2ProjectOpener().open(file)) {
            Map<String, float[]> minilm = p.textEmbeddings()
                    .load("minilm", List.of("card arrived", "exchange rate", "never stored", "card arrived"));
            assertThat(minilm).containsOnlyKeys("card arrived", "exchange rate");
            assertThat(minilm.get("card arrived")).containsExactly(0.5f, -1.25f, 3e-7f);
            assertThat(minilm.get("exchange rate"))
                    .as("a newer vector replaces the older one")
                    .containsExactly(4, 5, 6);
            assertThat(p.textEmbeddings().load("other", List.of("card arrived")).get("card arrived"))
                    .containsExactly(9, 9, 9);
            Map<String, float[]> loaded = p.textEmbeddings().load("minilm", many);
            assertThat(loaded).hasSize(2500);
            assertThat(loaded.get("text 2499")).containsExactly(9f);
        }
    }

    @Test
    void aTextIsEmbeddedOnceWhicheverRunOrEmbedderAsksAgain() {
        Counted model = new Counted();
        try (Project p = new H2ProjectOpener().open(dir.resolve("embed"))) {
            List<SampleText> first = new SampleEmbedder(model, 2)
                    .cachedIn(p.textEmbeddings())
                    .embed(
                            List.of(
                                    SampleText.of(1, "My card has not arrived yet."),
                                    SampleText.of(2, "What is the exchange rate for euros?"),
                                    SampleText.of(3, "My card has not arrived yet.")),
                            InsightsProgress.NONE);
            assertThat(model.asked)
                    .containsExactly("My card has not arrived yet.", "What is the exchange rate for euros?");

            // Another run with one text seen before and one edited text, through a new embedder.
            List<SampleText> second = new SampleEmbedder(model)
                    .cachedIn(p.textEmbeddings())
                    .embed(
                            List.of(
                                    SampleText.of(7, "What is the exchange rate for euros?"),
                                    SampleText.of(8, "My card has still not arrived.")),
                            InsightsProgress.NONE);
            assertThat(model.asked).hasSize(3).endsWith("My card has still not arrived.");
            assertThat(second.get(0).embedding()).containsExactly(first.get(1).embedding());
            assertThat(second.get(1).embedding()).hasSize(384);
        }
    }
}
