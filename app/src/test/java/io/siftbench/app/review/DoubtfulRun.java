package io.siftbench.app.review;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.siftbench.app.insights.LoopbackRuns;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real annotate run whose labels the student should doubt: 80 of banking77's training questions, 20 of each of four
 * well-separated labels, labelled through the real run machinery by a loopback server that answers each question's
 * gold label, except the third question of each label, which it gives the next label (four planted errors). Skipped,
 * with the reason printed, where ../shared is absent.
 *
 * @param labels the prompt's labels, in the order the keys 1–4 set them
 * @param gold   every question's gold label, by its text
 * @param wrong  the planted wrong label of each of the four, by its text
 */
record DoubtfulRun(Path file, long runId, List<String> labels, Map<String, String> gold, Map<String, String> wrong) {

    static final List<String> LABELS = List.of("card_arrival", "exchange_rate", "pin_blocked", "top_up_failed");
    private static final int PER_LABEL = 20;
    private static final int PLANTED_AT = 2;

    static DoubtfulRun make(Path dir) throws Exception {
        Path train = SharedFixtures.require("data/banking77/train.csv");
        Map<String, String> gold = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        Map<String, String> wrong = new HashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(train.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String label = row.get("category");
                String text = row.get("text").strip();
                int index = LABELS.indexOf(label);
                if (index >= 0 && taken.merge(label, 1, Integer::sum) <= PER_LABEL) {
                    gold.put(text, label);
                    if (taken.get(label) == PLANTED_AT + 1) {
                        wrong.put(text, LABELS.get((index + 1) % LABELS.size()));
                    }
                }
            }
        }
        StringBuilder csv = new StringBuilder("text,category\n");
        gold.forEach((text, label) -> csv.append('"')
                .append(text.replace("\"", "\"\""))
                .append("\",")
                .append(label)
                .append('\n'));
        Path file = dir.resolve("doubts.mv.db");
        try (LoopbackRuns runs = new LoopbackRuns(file)) {
            RunInfo run = runs.annotated(csv.toString(), LABELS, asked -> {
                String text = asked.strip();
                return wrong.getOrDefault(text, gold.get(text));
            });
            return new DoubtfulRun(file, run.id(), LABELS, Map.copyOf(gold), Map.copyOf(wrong));
        }
    }
}
