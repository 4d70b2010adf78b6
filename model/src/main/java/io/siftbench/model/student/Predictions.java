package io.siftbench.model.student;

import java.util.ArrayList;
import java.util.List;

/**
 * A student's answers on test items: {@code predicted.get(i)} for {@code test.get(i)}, with the probability it gave
 * that answer.
 */
public record Predictions(List<LabelledText> test, List<String> predicted, List<Double> confidence) {

    public Predictions {
        test = List.copyOf(test);
        predicted = List.copyOf(predicted);
        confidence = List.copyOf(confidence);
        if (test.size() != predicted.size() || test.size() != confidence.size()) {
            throw new IllegalArgumentException("each test item needs one prediction and one confidence");
        }
    }

    /** What {@code student} answers on each of {@code test}. */
    public static Predictions of(Student student, EmbeddedTexts test) {
        List<String> predicted = new ArrayList<>(test.size());
        List<Double> confidence = new ArrayList<>(test.size());
        for (float[] vector : test.vectors()) {
            double[] probabilities = student.probabilities(vector);
            int best = Softmax.argMax(probabilities);
            predicted.add(student.labels().get(best));
            confidence.add(probabilities[best]);
        }
        return new Predictions(test.items(), predicted, confidence);
    }

    /**
     * Labels given some other way (an annotate run's answers, {@code labels.get(i)} for {@code test.get(i)}), scored
     * against {@code test}'s gold labels. They carry no probability: the confidence is NaN.
     */
    public static Predictions ofLabels(List<LabelledText> test, List<String> labels) {
        return new Predictions(test, labels, java.util.Collections.nCopies(test.size(), Double.NaN));
    }

    public List<String> gold() {
        return test.stream().map(LabelledText::label).toList();
    }

    public boolean correct(int i) {
        return predicted.get(i).equals(test.get(i).label());
    }

    public int size() {
        return test.size();
    }
}
