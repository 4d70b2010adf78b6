package io.siftbench.app.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.siftbench.model.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A small, deterministic part of banking77 from {@code ../shared} for the student's command-line tests: the first
 * {@code labels} intents in alphabetical order, the first rows of each from the training and the test file (the
 * test skips, with the reason printed, where {@code ../shared} is absent).
 */
record Banking77Subset(List<String> labels, List<Row> train, List<Row> test) {

    /** One question with its intent. */
    record Row(String text, String category) {}

    private static final CsvMapper CSV = new CsvMapper();

    static Banking77Subset of(int labels, int trainPerLabel, int testPerLabel) throws IOException {
        List<Row> train = read(SharedFixtures.require("data/banking77/train.csv"));
        List<Row> test = read(SharedFixtures.require("data/banking77/test.csv"));
        TreeSet<String> all = new TreeSet<>();
        train.forEach(r -> all.add(r.category()));
        List<String> chosen = all.stream().limit(labels).toList();
        return new Banking77Subset(chosen, take(train, chosen, trainPerLabel), take(test, chosen, testPerLabel));
    }

    private static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                rows.add(new Row(row.get("text"), row.get("category")));
            }
        }
        return rows;
    }

    private static List<Row> take(List<Row> rows, List<String> labels, int perLabel) {
        List<Row> taken = new ArrayList<>();
        for (String label : labels) {
            rows.stream()
                    .filter(r -> r.category().equals(label))
                    .limit(perLabel)
                    .forEach(taken::add);
        }
        return taken;
    }

    /**
     * {@code rows} with the labels of a seeded random {@code fraction} of them changed to another of the labels at
     * random: the indices changed are {@code changed}'s.
     */
    List<Row> withLabelsChanged(List<Row> rows, double fraction, long seed, List<Integer> changed) {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Row> noisy = new ArrayList<>(rows);
        for (int i : order.subList(0, (int) Math.round(rows.size() * fraction))) {
            List<String> others = new ArrayList<>(labels);
            others.remove(rows.get(i).category());
            noisy.set(i, new Row(rows.get(i).text(), others.get(random.nextInt(others.size()))));
            changed.add(i);
        }
        changed.sort(null);
        return noisy;
    }

    /** Writes {@code rows} as a CSV file with the columns text and category, as banking77's files have them. */
    static Path write(Path file, List<Row> rows) throws IOException {
        CSV.writer(CsvSchema.builder()
                        .addColumn("text")
                        .addColumn("category")
                        .build()
                        .withHeader())
                .writeValue(file.toFile(), rows);
        return file;
    }
}
