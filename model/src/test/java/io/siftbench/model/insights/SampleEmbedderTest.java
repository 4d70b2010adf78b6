package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.embeddings.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real in-process MiniLM model that Siftbench bundles. */
class SampleEmbedderTest {

    private static EmbeddingModel miniLm;

    @BeforeAll
    static void loadModel() {
        miniLm = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Test
    void similarQuestionsGetCloserEmbeddingsThanUnrelatedOnes() {
        List<SampleText> embedded = new SampleEmbedder(miniLm)
                .embed(
                        List.of(
                                SampleText.of(1, "My card has not arrived yet."),
                                SampleText.of(2, "I am still waiting for my new card to be delivered."),
                                SampleText.of(3, "What is the exchange rate for euros?")),
                        InsightsProgress.NONE);

        assertThat(embedded).allSatisfy(sample -> assertThat(sample.embedding()).hasSize(384));
        double related =
                Vectors.cosine(embedded.get(0).embedding(), embedded.get(1).embedding());
        double unrelated =
                Vectors.cosine(embedded.get(0).embedding(), embedded.get(2).embedding());
        assertThat(related).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void batchesReportProgressRepeatedTextsAreEmbeddedOnceAndExistingEmbeddingsAreKept() {
        float[] existing = {1, 2, 3};
        List<SampleText> samples = List.of(
                SampleText.of(1, "a card"),
                SampleText.of(2, "a transfer"),
                SampleText.of(3, "a card"),
                SampleText.of(4, "   "),
                SampleText.of(5, "kept").withEmbedding(existing),
                SampleText.of(6, "an atm"),
                SampleText.of(7, "a refund"),
                SampleText.of(8, "a top up"));
        List<String> progress = new ArrayList<>();

        List<SampleText> embedded =
                new SampleEmbedder(miniLm, 2).embed(samples, (done, total, step) -> progress.add(done + "/" + total));

        assertThat(progress).containsExactly("0/5", "2/5", "4/5", "5/5");
        assertThat(embedded).extracting(SampleText::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(embedded.get(2).embedding()).isSameAs(embedded.get(0).embedding());
        assertThat(embedded.get(3).hasEmbedding()).isFalse();
        assertThat(embedded.get(4).embedding()).isSameAs(existing);
    }

    @Test
    void anInterruptedThreadStopsBeforeTheNextBatch() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() ->
                            new SampleEmbedder(miniLm).embed(List.of(SampleText.of(1, "text")), InsightsProgress.NONE))
                    .isInstanceOf(CancellationException.class)
                    .hasMessage("embedding cancelled after 0 of 1 texts");
        } finally {
            Thread.interrupted();
        }
    }
}
