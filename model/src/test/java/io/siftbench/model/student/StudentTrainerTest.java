package io.siftbench.model.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.testing.Banking77;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class StudentTrainerTest {

    @Test
    void theSameSeedTrainsTheSameStudent() {
        EmbeddedTexts texts = Clusters.of(3, 20, 32, 5);
        StudentTrainer trainer = new StudentTrainer(StudentSettings.DEFAULT);

        Student once = texts.train(trainer);
        Student again = texts.train(trainer);
        Student otherSeed = texts.train(new StudentTrainer(StudentSettings.DEFAULT.withSeed(7)));

        assertThat(once.labels()).containsExactly("l0", "l1", "l2");
        float[] probe = texts.vectors().get(0);
        assertThat(again.probabilities(probe)).containsExactly(once.probabilities(probe));
        assertThat(otherSeed.probabilities(probe)).isNotEqualTo(once.probabilities(probe));
        assertThat(once.probabilities(probe))
                .satisfies(p -> assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-6)));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(once.predict(texts.vectors().get(i)))
                    .isEqualTo(texts.items().get(i).label());
        }
    }

    @Test
    void refusesWhatItCannotLearnFromWithTheReason() {
        StudentTrainer trainer = new StudentTrainer(StudentSettings.DEFAULT);
        float[] v = {1, 2};
        assertThatThrownBy(() -> trainer.train(List.of(v, v), List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the student needs samples of at least two labels to learn from, had only \"a\"");
        assertThatThrownBy(() -> trainer.train(List.of(v, v, v), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 embeddings but 2 labels: each sample needs both");
        assertThatThrownBy(() -> trainer.train(List.of(v, new float[] {1, 2, 3}), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("embedding 1 has 3 dimensions, the first one 2");
        Student student = trainer.train(List.of(v, new float[] {2, 1}), List.of("a", "b"));
        assertThatThrownBy(() -> student.probabilities(new float[] {1, 2, 3}))
                .hasMessage("the student was trained on 2-dimensional embeddings, not 3-dimensional ones");
    }

    @Test
    void anInterruptedTrainingStopsWithACancellation() {
        EmbeddedTexts texts = Clusters.of(3, 20, 32, 5);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> texts.train(new StudentTrainer(StudentSettings.DEFAULT)))
                    .isInstanceOf(CancellationException.class)
                    .hasMessage("training cancelled in epoch 1");
        } finally {
            Thread.interrupted();
        }
    }

    /**
     * On real MiniLM embeddings of banking77 (10 intents, 30 training and 15 test questions each): our student
     * scores within 0.05 of LIBLINEAR's L2-regularised logistic regression (one-vs-rest, C = 1, with a bias).
     */
    @Test
    void scoresLikeLiblinearsLogisticRegressionOnRealEmbeddings() {
        List<LabelledText> train = Banking77.firstOfEach(Banking77.read("train.csv"), 10, 30);
        List<LabelledText> test = Banking77.firstOfEach(Banking77.read("test.csv"), 10, 15);
        var miniLm = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EmbeddedTexts trainSet = embedded(miniLm, train);
        EmbeddedTexts testSet = embedded(miniLm, test);

        double ours = accuracy(Predictions.of(trainSet.train(new StudentTrainer(StudentSettings.DEFAULT)), testSet));

        List<String> labels = List.copyOf(new TreeSet<>(trainSet.labels()));
        Problem problem = new Problem();
        problem.l = trainSet.size();
        problem.n = 384 + 1;
        problem.bias = 1;
        problem.x = new Feature[trainSet.size()][];
        problem.y = new double[trainSet.size()];
        for (int i = 0; i < trainSet.size(); i++) {
            problem.x[i] = features(trainSet.vectors().get(i));
            problem.y[i] = labels.indexOf(trainSet.items().get(i).label());
        }
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, 1, 0.01));
        int right = 0;
        for (int i = 0; i < testSet.size(); i++) {
            int predicted =
                    (int) Linear.predict(model, features(testSet.vectors().get(i)));
            right += labels.get(predicted).equals(testSet.items().get(i).label()) ? 1 : 0;
        }
        double liblinear = right / (double) testSet.size();

        System.out.printf(
                "student accuracy %.3f, LIBLINEAR L2R_LR %.3f (150 banking77 test questions)%n", ours, liblinear);
        assertThat(ours).isCloseTo(liblinear, within(0.05));
        assertThat(liblinear)
                .as("a linear probe on MiniLM separates 10 intents")
                .isGreaterThan(0.8);
    }

    private static double accuracy(Predictions predictions) {
        int right = 0;
        for (int i = 0; i < predictions.size(); i++) {
            right += predictions.correct(i) ? 1 : 0;
        }
        return right / (double) predictions.size();
    }

    /** A vector as LIBLINEAR's features (1-based), followed by the bias feature. */
    private static Feature[] features(float[] v) {
        Feature[] x = new Feature[v.length + 1];
        for (int j = 0; j < v.length; j++) {
            x[j] = new FeatureNode(j + 1, v[j]);
        }
        x[v.length] = new FeatureNode(v.length + 1, 1);
        return x;
    }

    private static EmbeddedTexts embedded(AllMiniLmL6V2QuantizedEmbeddingModel model, List<LabelledText> items) {
        List<float[]> vectors =
                model
                        .embedAll(items.stream()
                                .map(i -> TextSegment.from(i.text()))
                                .toList())
                        .content()
                        .stream()
                        .map(e -> e.vector())
                        .toList();
        return new EmbeddedTexts(items, vectors);
    }
}
