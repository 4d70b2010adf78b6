package io.siftbench.app.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.testing.Banking77;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small, deterministic part of banking77 from {@code ../shared} for the student's command-line tests: the first
 * {@code labels} intents in alphabetical order, the first rows of each from the training and the test file (the
 * test skips, with the reason printed, where {@code ../shared} is absent).
 */
record Banking77Subset(List<String> labels, List<Row> train, List<Row> test) {

    /** One question with its intent, as a CSV row of banking77's shape. */
    record Row(String text, String category) {}

    static Banking77Subset of(int labels, int trainPerLabel, int testPerLabel) {
        List<LabelledText> train = Banking77.firstOfEach(Banking77.read("train.csv"), labels, trainPerLabel);
        List<LabelledText> test = Banking77.firstOfEach(Banking77.read("test.csv"), labels, testPerLabel);
        return new Banking77Subset(Banking77.labels(train), rows(train), rows(test));
    }

    private static List<Row> rows(List<LabelledText> items) {
        return items.stream().map(i -> new Row(i.text(), i.label())).toList();
    }

    /**
     * {@code rows} with the labels of a seeded random {@code fraction} of them changed to another of the labels at
     * random ({@link Banking77#withLabelsChanged}): the indices changed are added to {@code changed}.
     */
    List<Row> withLabelsChanged(List<Row> rows, double fraction, long seed, List<Integer> changed) {
        List<LabelledText> items = rows.stream()
                .map(r -> new LabelledText(0, r.text(), r.category()))
                .toList();
        return rows(Banking77.withLabelsChanged(items, fraction, seed, changed));
    }

    /** Writes {@code rows} as a CSV file with the columns text and category, as banking77's files have them. */
    static Path write(Path file, List<Row> rows) throws IOException {
        new CsvMapper()
                .writer(CsvSchema.builder()
                        .addColumn("text")
                        .addColumn("category")
                        .build()
                        .withHeader())
                .writeValue(file.toFile(), rows);
        return file;
    }
}
