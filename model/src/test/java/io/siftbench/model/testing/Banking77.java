package io.siftbench.model.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.siftbench.model.student.LabelledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * banking77 from {@code ../shared/data/banking77} as labelled texts (a test that reads it is skipped, with the
 * reason printed, where it is absent), with the deterministic subsets and the seeded label noise the student's
 * tests and benchmark use.
 */
public final class Banking77 {

    private Banking77() {}

    /** Every row of {@code file} ("train.csv" or "test.csv"), the text and its category, numbered from 1. */
    public static List<LabelledText> read(String file) {
        List<LabelledText> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(SharedFixtures.require("data/banking77/" + file).toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                rows.add(new LabelledText(rows.size() + 1, row.get("text"), row.get("category")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The labels of {@code rows}, in alphabetical order. */
    public static List<String> labels(List<LabelledText> rows) {
        TreeSet<String> labels = new TreeSet<>();
        rows.forEach(r -> labels.add(r.label()));
        return List.copyOf(labels);
    }

    /**
     * The first {@code perLabel} rows of each of the first {@code labels} labels in alphabetical order, label by
     * label, numbered from 1.
     */
    public static List<LabelledText> firstOfEach(List<LabelledText> rows, int labels, int perLabel) {
        List<LabelledText> taken = new ArrayList<>();
        for (String label : labels(rows).subList(0, labels)) {
            rows.stream()
                    .filter(r -> r.label().equals(label))
                    .limit(perLabel)
                    .forEach(r -> taken.add(new LabelledText(taken.size() + 1, r.text(), label)));
        }
        return taken;
    }

    /**
     * {@code rows} with the labels of a seeded random {@code fraction} of them changed, each to another label of
     * {@code rows} at random; the indices changed are added to {@code changed}, in ascending order.
     */
    public static List<LabelledText> withLabelsChanged(
            List<LabelledText> rows, double fraction, long seed, List<Integer> changed) {
        List<String> labels = labels(rows);
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<LabelledText> noisy = new ArrayList<>(rows);
        List<Integer> picked = new ArrayList<>(order.subList(0, (int) Math.round(rows.size() * fraction)));
        picked.sort(null);
        for (int i : picked) {
            LabelledText row = rows.get(i);
            List<String> others = new ArrayList<>(labels);
            others.remove(row.label());
            noisy.set(i, new LabelledText(row.id(), row.text(), others.get(random.nextInt(others.size()))));
        }
        changed.addAll(picked);
        return noisy;
    }
}
