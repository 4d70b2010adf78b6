package io.siftbench.model.insights;

import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionValue;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.student.WeakestLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Generate more for the weakest labels" (S3): a synthesize run whose label condition is narrowed to the labels a
 * student does worst on, each getting a share of the new samples by its error, so that the next round closes the
 * gap. A synthesize run evaluated is made again with its own prompt; for an annotate run, whose prompt writes
 * nothing, a synthesize prompt version of the project with a condition listing the labels is taken.
 */
public final class WeakestLabelsRun {

    private WeakestLabelsRun() {}

    /** A label to make samples of, its F1 now, and how many of the new run's samples it gets. */
    public record Share(String label, double f1, int samples) {}

    /**
     * A proposed run: the prompt version and its condition narrowed to the weakest labels, the samples of each
     * label, and the run's configuration.
     */
    public record Plan(StoredVersion prompt, String condition, List<Share> shares, RunConfig config) {

        public Plan {
            shares = List.copyOf(shares);
        }

        /** "intent@2 · intent = card_arrival 12, card_linking 8": what the researcher confirms. */
        public String describe() {
            return prompt.name() + "@" + prompt.version() + " · " + condition + " = "
                    + shares.stream().map(s -> s.label() + " " + s.samples()).collect(Collectors.joining(", "));
        }
    }

    /**
     * The runs that could make {@code samples} more samples of {@code targets} like {@code evaluated}: one for each
     * prompt version that has a condition whose values include every target label (the run's own prompt for a
     * synthesize run, the project's synthesize prompts, newest first, for an annotate run).
     *
     * @throws IllegalArgumentException when there is nothing to aim at, or no prompt version has such a condition,
     *                                  saying what is needed instead
     */
    public static List<Plan> plans(
            RunSources sources, RunInfo evaluated, List<WeakestLabels.Target> targets, int samples) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the student has no weak label to aim at: every label's F1 is 1");
        }
        if (samples < targets.size()) {
            throw new IllegalArgumentException(
                    "make at least one sample for each of the " + targets.size() + " weakest labels, not " + samples);
        }
        List<String> labels = targets.stream().map(WeakestLabels.Target::label).toList();
        boolean synthesize = evaluated.config().mode() == PromptMode.SYNTHESIZE;
        List<StoredVersion> candidates = synthesize
                ? sources.prompts().everyVersion().stream()
                        .filter(v -> v.id() == evaluated.config().promptVersionId())
                        .toList()
                : sources.prompts().everyVersion().stream()
                        .filter(v -> v.mode() == PromptMode.SYNTHESIZE)
                        .sorted((a, b) -> Long.compare(b.id(), a.id()))
                        .toList();
        List<Share> shares = shares(targets, samples);
        List<Plan> plans = new ArrayList<>();
        for (StoredVersion version : candidates) {
            PromptVersion prompt = sources.prompts().load(version.id());
            for (Condition condition : prompt.conditions()) {
                List<String> values =
                        condition.values().stream().map(ConditionValue::value).toList();
                if (values.containsAll(labels)) {
                    List<Map<String, String>> cells = cells(condition.name(), shares);
                    RunConfig config = synthesize
                            ? GapFilling.like(evaluated, cells, cells.size())
                            : writing(evaluated, version, cells);
                    plans.add(new Plan(version, condition.name(), shares, config));
                    break;
                }
            }
        }
        if (plans.isEmpty()) {
            throw new IllegalArgumentException((synthesize
                            ? "The prompt of run #" + evaluated.id() + " has no condition"
                            : "No synthesize prompt of this project has a condition")
                    + " whose values include " + String.join(", ", labels)
                    + ": add one (for example a condition \"label\" listing the labels) in the Prompt studio, then "
                    + "generate more for the weakest labels again.");
        }
        return plans;
    }

    /**
     * Each label's samples: {@code samples} split by the targets' weights, largest remainders first, at least one
     * each.
     */
    static List<Share> shares(List<WeakestLabels.Target> targets, int samples) {
        int extra = samples - targets.size();
        int[] counts = new int[targets.size()];
        double[] remainders = new double[targets.size()];
        int given = 0;
        for (int i = 0; i < targets.size(); i++) {
            double exact = extra * targets.get(i).weight();
            counts[i] = 1 + (int) Math.floor(exact);
            remainders[i] = exact - Math.floor(exact);
            given += counts[i];
        }
        while (given < samples) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            given++;
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            shares.add(new Share(targets.get(i).label(), targets.get(i).f1(), counts[i]));
        }
        return shares;
    }

    /**
     * One cell per new sample, the labels taken in turn while each has samples left, so that a run stopped early
     * has still made some of every label.
     */
    private static List<Map<String, String>> cells(String condition, List<Share> shares) {
        Map<String, Integer> left = new LinkedHashMap<>();
        shares.forEach(s -> left.put(s.label(), s.samples()));
        List<Map<String, String>> cells = new ArrayList<>();
        while (left.values().stream().anyMatch(n -> n > 0)) {
            left.replaceAll((label, n) -> {
                if (n > 0) {
                    cells.add(Map.of(condition, label));
                }
                return n - 1;
            });
        }
        return cells;
    }

    /** A synthesize run of {@code version} with the annotate run's backend and generation parameters. */
    private static RunConfig writing(RunInfo annotate, StoredVersion version, List<Map<String, String>> cells) {
        RunConfig old = annotate.config();
        RunDetails details = RunDetails.of(
                        null, RunDetails.fromJson(old.details()).parameters())
                .withCells(cells);
        return new RunConfig(
                version.id(),
                PromptMode.SYNTHESIZE,
                old.backend(),
                details.parametersJson(),
                null,
                old.seed() + annotate.id(),
                old.concurrency(),
                cells.size(),
                1,
                details.toJson());
    }
}
