package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConditionPlanTest {

    /** Three switched-on conditions (one with a value switched off) and two switched-off ones. */
    private static List<Condition> conditions() {
        Condition tone = Condition.of("tone", "angry", "polite", "confused");
        Condition length = Condition.of("length", "short", "long");
        Condition topic = Condition.of("topic", "cards", "fees", "transfers", "atm");
        topic = topic.withValue(3, topic.values().get(3).withEnabled(false));
        Condition audience = Condition.of("audience", "kids", "experts").withEnabled(false);
        Condition language = Condition.of("language", "en", "de").withEnabled(false);
        return List.of(tone, audience, length, language, topic);
    }

    private static Map<String, Long> counts(List<Map<String, String>> combos, String condition) {
        return combos.stream().collect(Collectors.groupingBy(c -> c.get(condition), Collectors.counting()));
    }

    @Test
    void countsCombinationsOfSwitchedOnValuesOnly() {
        assertThat(new ConditionPlan(Plan.of(PlanKind.ALL, 0), conditions()).combinations())
                .isEqualTo(3 * 2 * 3);
        assertThat(new ConditionPlan(Plan.of(PlanKind.ALL, 0), List.of()).combinations())
                .isEqualTo(1);
    }

    @Test
    void allGivesEveryCombinationOnceInAStableOrderThenCycles() {
        List<Map<String, String>> combos = new ConditionPlan(Plan.of(PlanKind.ALL, 0), conditions()).first(20);

        assertThat(combos.subList(0, 18)).doesNotHaveDuplicates();
        assertThat(combos.get(0))
                .containsExactly(Map.entry("tone", "angry"), Map.entry("length", "short"), Map.entry("topic", "cards"));
        assertThat(combos.get(1)).containsEntry("topic", "fees");
        assertThat(combos.get(18)).isEqualTo(combos.get(0));
        assertThat(combos.get(19)).isEqualTo(combos.get(1));
    }

    @Test
    void balancedOver120SamplesUsesEverySwitchedOnValueEquallyOften() {
        List<Map<String, String>> combos = new ConditionPlan(Plan.of(PlanKind.BALANCED, 11), conditions()).first(120);

        assertThat(combos).hasSize(120).allSatisfy(c -> assertThat(c).containsOnlyKeys("tone", "length", "topic"));
        assertThat(counts(combos, "tone"))
                .containsOnly(Map.entry("angry", 40L), Map.entry("polite", 40L), Map.entry("confused", 40L));
        assertThat(counts(combos, "length")).containsOnly(Map.entry("short", 60L), Map.entry("long", 60L));
        assertThat(counts(combos, "topic"))
                .containsOnly(Map.entry("cards", 40L), Map.entry("fees", 40L), Map.entry("transfers", 40L));
        assertThat(combos.stream().distinct().count())
                .as("conditions are mixed, not paired in lockstep")
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void balancedIsWithinOneWhenTheCountDoesNotDivide() {
        List<Map<String, String>> combos = new ConditionPlan(Plan.of(PlanKind.BALANCED, 3), conditions()).first(100);

        assertThat(counts(combos, "tone").values())
                .allSatisfy(n -> assertThat(n).isBetween(33L, 34L));
        assertThat(counts(combos, "topic").values())
                .allSatisfy(n -> assertThat(n).isBetween(33L, 34L));
    }

    @Test
    void randomFollowsTheWeightsAndTheSeed() {
        Condition tone = new Condition(
                "tone",
                true,
                List.of(
                        ConditionValue.of("angry").withWeight(3),
                        ConditionValue.of("polite"),
                        ConditionValue.of("never").withWeight(0)));
        ConditionPlan plan = new ConditionPlan(Plan.of(PlanKind.RANDOM, 5), List.of(tone));

        List<Map<String, String>> combos = plan.first(4000);

        Map<String, Long> n = counts(combos, "tone");
        assertThat(n).doesNotContainKey("never");
        assertThat(n.get("angry") / (double) n.get("polite")).isBetween(2.7, 3.3);
        assertThat(new ConditionPlan(Plan.of(PlanKind.RANDOM, 5), List.of(tone)).first(4000))
                .isEqualTo(combos);
        assertThat(new ConditionPlan(Plan.of(PlanKind.RANDOM, 6), List.of(tone)).first(4000))
                .isNotEqualTo(combos);
    }

    @Test
    void theSameSeedGivesTheSameSequenceForEveryKind() {
        for (PlanKind kind : PlanKind.values()) {
            Function<Long, List<Map<String, String>>> run =
                    seed -> new ConditionPlan(Plan.of(kind, seed), conditions()).first(60);
            assertThat(run.apply(9L)).as(kind.name()).isEqualTo(run.apply(9L));
        }
        assertThat(new ConditionPlan(Plan.of(PlanKind.BALANCED, 1), conditions()).first(60))
                .isNotEqualTo(new ConditionPlan(Plan.of(PlanKind.BALANCED, 2), conditions()).first(60));
    }

    @Test
    void aSwitchedOnConditionWithNoValueSwitchedOnIsAnError() {
        Condition empty = Condition.of("tone", "angry");
        empty = empty.withValue(0, empty.values().get(0).withEnabled(false));
        ConditionPlan plan = new ConditionPlan(Plan.of(PlanKind.ALL, 0), List.of(empty));

        assertThat(plan.combinations()).isZero();
        assertThatThrownBy(() -> plan.first(1))
                .hasMessageContaining("'tone' is switched on but all its values are switched off");
    }
}
