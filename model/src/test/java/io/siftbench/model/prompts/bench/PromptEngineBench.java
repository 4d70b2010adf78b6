package io.siftbench.model.prompts.bench;

import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.demonstrations.DemonstrationPicker;
import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionPlan;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.Label;
import io.siftbench.model.prompts.Plan;
import io.siftbench.model.prompts.PlanKind;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptRenderer;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.TaskSpec;
import io.siftbench.model.prompts.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the prompt engine adds to each sample of a run, against baselines measured in the same run:
 * rendering against building the same text by hand, and k-NN demonstrations against one plain pass of
 * dot products over the pool. Run with {@code mvn -Pbench verify -pl model} (about half a minute).
 */
class PromptEngineBench {

    private static final int SAMPLES = 200_000;
    private static final int POOL = 10_000;
    private static final int DIMENSIONS = 384;
    private static final int QUERIES = 500;

    private static volatile Object sink;

    @Test
    void renderingAndDemonstrationsPerSample() {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 77; i++) {
            labels.add(new Label("intent_" + i, "what intent " + i + " means", null));
        }
        PromptVersion version = new PromptVersion(
                "bench",
                null,
                PromptMode.ANNOTATE,
                new TaskSpec(
                        "You label customer-banking questions.",
                        "Pick the one intent.",
                        "Reply with JSON.",
                        labels,
                        false,
                        false),
                new Template(
                        "{{task.role}} {{task.purpose}} {{task.format}}",
                        "{{#demos}}Q: {{text}}\nA: {{label}}\n{{/demos}}{{#condition.tone}}Tone: {{condition.tone}}\n{{/condition.tone}}"
                                + "Q: {{record.text}}\nA:"),
                List.of(Condition.of("tone", "angry", "polite", "confused")),
                Plan.of(PlanKind.BALANCED, 7),
                null,
                null);
        List<Demonstration> demos = List.of(
                new Demonstration(1, "I still have no card", "card_arrival", Map.of()),
                new Demonstration(2, "Someone took my card", "lost_or_stolen_card", Map.of()),
                new Demonstration(3, "What is the fee?", "card_payment_fee_charged", Map.of()),
                new Demonstration(4, "Top up failed", "top_up_failed", Map.of()));
        Map<String, Object> record = Map.of("text", "Where is my card?", "category", "card_arrival");
        PromptRenderer renderer = new PromptRenderer(version);
        List<Map<String, String>> plan = new ConditionPlan(version.plan(), version.conditions()).first(SAMPLES);

        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long base = time(() -> {
                for (int i = 0; i < SAMPLES; i++) {
                    sink = byHand(version, record, plan.get(i), demos);
                }
            });
            long rendered = time(() -> {
                for (int i = 0; i < SAMPLES; i++) {
                    sink = renderer.render(record, plan.get(i), demos);
                }
            });
            if (round == 1) {
                System.out.printf(
                        "render: %.2f µs/sample, by hand %.2f µs/sample, ratio %.1f×%n",
                        rendered / 1e3 / SAMPLES, base / 1e3 / SAMPLES, rendered / (double) base);
            }
        }
        long planTime = time(() -> sink = new ConditionPlan(version.plan(), version.conditions()).first(SAMPLES));
        System.out.printf("balanced plan: %.3f µs/sample over %,d samples%n", planTime / 1e3 / SAMPLES, SAMPLES);

        Random random = new Random(1);
        List<Demonstration> pool = new ArrayList<>();
        Map<Long, float[]> vectors = new HashMap<>();
        for (long id = 0; id < POOL; id++) {
            pool.add(new Demonstration(id, "t" + id, "l" + id % 77, Map.of()));
            vectors.put(id, randomVector(random));
        }
        float[][] flat = new float[POOL][];
        for (int i = 0; i < POOL; i++) {
            flat[i] = vectors.get((long) i);
        }
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            queries.add(randomVector(random));
        }
        for (DemonstrationStrategy strategy : List.of(
                DemonstrationStrategy.RANDOM,
                DemonstrationStrategy.BALANCED,
                DemonstrationStrategy.SIMILAR,
                DemonstrationStrategy.DIVERSE)) {
            DemonstrationPicker picker = new DemonstrationPicker(
                    new Demonstrations("pool", strategy, 4, null, null, null, 7L), pool, vectors);
            for (int round = 0; round < 2; round++) {
                long base = time(() -> {
                    for (float[] q : queries) {
                        float best = -2;
                        for (float[] v : flat) {
                            float s = 0;
                            for (int i = 0; i < DIMENSIONS; i++) {
                                s += v[i] * q[i];
                            }
                            best = Math.max(best, s);
                        }
                        sink = best;
                    }
                });
                long picked = time(() -> {
                    for (int q = 0; q < QUERIES; q++) {
                        sink = picker.pick(new DemonstrationPicker.Query(q, (long) q, queries.get(q)));
                    }
                });
                if (round == 1) {
                    System.out.printf(
                            "%s demonstrations (k=4, pool %,d × %d): %.3f ms/sample; one pass of dot products"
                                    + " %.3f ms; ratio %.2f×%n",
                            strategy.name().toLowerCase(),
                            POOL,
                            DIMENSIONS,
                            picked / 1e6 / QUERIES,
                            base / 1e6 / QUERIES,
                            picked / (double) base);
                }
            }
        }
    }

    /** The same text as the template, concatenated directly: the least any renderer could cost. */
    private static String[] byHand(
            PromptVersion v, Map<String, Object> record, Map<String, String> conditions, List<Demonstration> demos) {
        String system =
                v.task().role() + " " + v.task().purpose() + " " + v.task().format();
        StringBuilder user = new StringBuilder();
        for (Demonstration d : demos) {
            user.append("Q: ")
                    .append(d.text())
                    .append("\nA: ")
                    .append(d.label())
                    .append('\n');
        }
        String tone = conditions.get("tone");
        if (tone != null) {
            user.append("Tone: ").append(tone).append('\n');
        }
        user.append("Q: ").append(record.get("text")).append("\nA:");
        return new String[] {system, user.toString()};
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.unit(v);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
