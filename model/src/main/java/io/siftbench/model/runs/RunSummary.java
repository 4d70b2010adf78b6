package io.siftbench.model.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's settings and a sample's generation parameters, each in one short line for people to read: the Runs
 * screen's "Settings" column, the review card and the command line's {@code runs} say them the same way.
 */
public final class RunSummary {

    private static final String BETWEEN = " · ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSummary() {}

    /** The settings of each of {@code runs} by run id, naming their datasets as {@code datasets} holds them now. */
    public static Map<Long, String> settings(List<RunInfo> runs, DatasetStore datasets) {
        Map<Long, String> names =
                datasets.list().stream().collect(Collectors.toMap(DatasetInfo::id, DatasetInfo::name));
        return runs.stream().collect(Collectors.toMap(RunInfo::id, r -> settings(r.config(), names)));
    }

    /**
     * What the run takes and how it asks, beyond the prompt, mode, backend, model and seed listed beside it: for
     * example "b77 · category = card_arrival · 200 at random · 5 votes · T 0.7". An annotate run names its
     * dataset, filter and random subset; a synthesize run how many condition cells it fills ("fill the gaps");
     * a pipeline step the run whose samples it continues (a bootstrap round: whose samples are its seeds) and the
     * topics of a topic tree it takes; a judge run the run it judges.
     *
     * @param datasetNames the project's dataset names by id; a dataset missing from it is named by its id
     */
    public static String settings(RunConfig config, Map<Long, String> datasetNames) {
        RunDetails details = RunDetails.fromJson(config.details());
        List<String> parts = new ArrayList<>();
        switch (config.mode()) {
            case ANNOTATE -> {
                // The project lets a dataset go while its runs stay: the run then holds no dataset id.
                parts.add(
                        config.datasetId() == null
                                ? "dataset deleted"
                                : datasetNames.getOrDefault(config.datasetId(), "dataset #" + config.datasetId()));
                if (details.filtered()) {
                    parts.add(details.whereColumn() + " = " + details.whereValue());
                }
                if (details.limit() != null) {
                    parts.add(details.limit() + " at random");
                }
            }
            case SYNTHESIZE -> {
                if (details.step() != null && details.step().continuesAStep()) {
                    // A bootstrap round takes its seeds from the earlier step; it continues no sample of it.
                    parts.add((details.step().round() != null ? "seeds from #" : "continues #")
                            + details.step().parentRun());
                }
                if (!details.cells().isEmpty()) {
                    // A pipeline step's cells are the topics of a topic tree (a level's, or the leaves).
                    parts.add(
                            details.step() != null
                                    ? count(details.cells().size(), "topic")
                                    : "fill the gaps: " + count(details.cells().size(), "cell"));
                }
            }
            case JUDGE -> parts.add("judges #" + details.judgeOf());
        }
        if (config.votes() > 1) {
            parts.add(config.votes() + " votes");
        }
        parts.add("T " + number(details.temperature()));
        return String.join(BETWEEN, parts);
    }

    /**
     * Generation parameters as a run or sample stores them ({@link RunDetails#parametersJson}), with the seed
     * sent: for example "temperature 0.7 · top-p 0.95 · max tokens 512 · seed 7". A field the JSON lacks is left
     * out (older runs stored other shapes); JSON that cannot be read is shown as it is rather than hidden.
     *
     * @param seed the seed of the request, or null when none was sent
     */
    public static String parameters(String json, Long seed) {
        List<String> parts = new ArrayList<>();
        if (json != null && !json.isBlank()) {
            JsonNode fields;
            try {
                fields = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                fields = null;
            }
            if (fields == null || !fields.isObject()) {
                parts.add(json);
            } else {
                field(fields, "temperature", "temperature ", parts);
                field(fields, "topP", "top-p ", parts);
                field(fields, "maxTokens", "max tokens ", parts);
                JsonNode stop = fields.path("stop");
                if (stop.isArray() && !stop.isEmpty()) {
                    parts.add("stop " + stop);
                }
            }
        }
        if (seed != null) {
            parts.add("seed " + seed);
        }
        return parts.isEmpty() ? "none recorded" : String.join(BETWEEN, parts);
    }

    private static void field(JsonNode fields, String name, String label, List<String> parts) {
        JsonNode value = fields.get(name);
        if (value != null && value.isNumber()) {
            parts.add(label + number(value.doubleValue()));
        }
    }

    /** 0.7 as "0.7", 1.0 as "1", 512.0 as "512": as a person would write it. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
