package io.siftbench.model.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

    private static final String STORY =
            """
            {"name": "story", "mode": "synthesize",
             "task": {"role": "You write short stories.", "rationale": false, "confidence": false},
             "template": {"system": "{{task.role}}",
                          "user": "Write a story{{#condition.topic}} about {{condition.topic}}{{/condition.topic}}{{#condition.tone}} in a {{condition.tone}} tone{{/condition.tone}}."},
             "conditions": [
               {"name": "topic", "enabled": true, "values": [{"value": "dragons"}, {"value": "trains"}, {"value": "cats", "enabled": false}]},
               {"name": "tone", "enabled": false, "values": [{"value": "sad"}, {"value": "happy"}]}],
             "plan": {"kind": "balanced", "seed": 3},
             "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
            """;

    private static final String LABELS =
            """
            {"name": "intent", "mode": "annotate",
             "task": {"role": "You label questions.", "labels": [{"name": "card_arrival"}, {"name": "lost_card"}], "rationale": false, "confidence": false},
             "template": {"system": "{{task.role}}",
                          "user": "{{#demos}}Q: {{text}} A: {{label}}\\n{{/demos}}Q: {{text}}\\nA:"}}
            """;

    @Test
    void synthesizeSlotsCarryOnlySwitchedOnValuesAndTheExactMessages() {
        List<Slot> slots = new RunPlanner(PromptFile.parse(STORY, "story.json"))
                .synthesize(6, RunPlanner.DemonstrationSource.NONE);

        assertThat(slots).hasSize(6).extracting(Slot::key).doesNotHaveDuplicates();
        assertThat(slots)
                .extracting(s -> s.conditions().get("topic"))
                .containsOnly("dragons", "trains")
                .filteredOn("dragons"::equals)
                .hasSize(3);
        assertThat(slots).allSatisfy(s -> assertThat(s.conditions()).containsOnlyKeys("topic"));
        Slot first = slots.get(0);
        assertThat(first.messages())
                .containsExactly(
                        Message.system("You write short stories."),
                        Message.user("Write a story about " + first.conditions().get("topic") + "."));
    }

    @Test
    void sameSeedPlansTheSameSlots() {
        PromptVersion version = PromptFile.parse(STORY, "story.json");

        assertThat(new RunPlanner(version).synthesize(20, RunPlanner.DemonstrationSource.NONE))
                .isEqualTo(new RunPlanner(version).synthesize(20, RunPlanner.DemonstrationSource.NONE));
    }

    @Test
    void annotateSlotsAreKeyedByRecordAndShowTheirDemonstrations() {
        PromptVersion version = PromptFile.parse(LABELS, "intent.json");
        List<RunPlanner.Input> inputs = List.of(
                new RunPlanner.Input(11, Map.of("text", "where is my card?", "category", "card_arrival")),
                new RunPlanner.Input(12, Map.of("text", "I lost my card", "category", "lost_card")));
        Demonstration demo = new Demonstration(99, "has my card shipped?", "card_arrival", Map.of());

        RunPlanner planner = new RunPlanner(version);
        List<Slot> slots = List.of(
                planner.annotated(0, inputs.get(0), Map.of(), (ordinal, input) -> List.of(demo)),
                planner.annotated(1, inputs.get(1), Map.of(), (ordinal, input) -> List.of(demo)));

        assertThat(slots).extracting(Slot::key).containsExactly("record=11", "record=12");
        assertThat(slots.get(1).recordId()).isEqualTo(12L);
        assertThat(slots.get(1).demonstrationIds()).containsExactly(99L);
        assertThat(slots.get(1).messages().get(1).content())
                .isEqualTo("Q: has my card shipped? A: card_arrival\nQ: I lost my card\nA:");
    }

    @Test
    void judgeSlotsAreKeyedByTheJudgedSampleAndShowItsTextLabelRecordAndConditions() {
        PromptVersion judge = PromptFile.parse(
                """
                {"name": "faithful", "mode": "judge",
                 "template": {"user": "{{sample.id}}: {{record.text}} / {{sample.text}} -> {{sample.label}} ({{condition.tone}}, {{sample.topic}})"}}
                """,
                "faithful.json");
        Slot annotatedSlot = new Slot("record=11", 0, 11L, Map.of(), List.of(), List.of(Message.user("Q")));
        Slot synthesizedSlot = new Slot(
                "sample=1|tone=angry", 1, null, Map.of("tone", "angry"), List.of(), List.of(Message.user("W")));
        Sample annotated = new Sample(
                41,
                1,
                annotatedSlot,
                "m",
                "{}",
                1L,
                "{\"label\":\"lost\"}",
                "lost_card",
                null,
                null,
                null,
                "{\"label\":\"lost\"}",
                true,
                null,
                List.of(),
                1,
                1,
                1L,
                "stop",
                null,
                null);
        Sample synthesized = new Sample(
                42,
                1,
                synthesizedSlot,
                "m",
                "{}",
                1L,
                "raw",
                null,
                null,
                null,
                "my card is gone",
                "{\"text\":\"my card is gone\",\"topic\":\"cards\"}",
                true,
                null,
                List.of(),
                1,
                1,
                1L,
                "stop",
                null,
                null);

        List<Slot> slots = new RunPlanner(judge)
                .judge(
                        List.of(
                                new RunPlanner.Judged(annotated, Map.of("text", "I lost my card"), "I lost my card"),
                                new RunPlanner.Judged(synthesized, Map.of(), "my card is gone")),
                        RunPlanner.DemonstrationSource.NONE);

        assertThat(slots).extracting(Slot::key).containsExactly("judged=41", "judged=42");
        assertThat(slots).extracting(Slot::judgedSampleId).containsExactly(41L, 42L);
        assertThat(slots.get(0).recordId()).isEqualTo(11L);
        assertThat(slots.get(1).conditions()).containsEntry("tone", "angry");
        assertThat(slots.get(0).messages())
                .containsExactly(Message.user("41: I lost my card / I lost my card -> lost_card (, )"));
        // The judged prompt's conditions are not the judge's, yet the judge sees them; the output fields too.
        assertThat(slots.get(1).messages()).containsExactly(Message.user("42:  / my card is gone ->  (angry, cards)"));
    }

    @Test
    void limitTakesASeededSubsetTheSameAsBeforePlansStreamed() {
        long[] ids = LongStream.rangeClosed(1, 100).toArray();

        long[] chosen = RunPlanner.chooseInputs(ids, 10, 5);

        // What planning chose before it streamed: a run made then resumes with the same records.
        List<Long> shuffled = new ArrayList<>(LongStream.of(ids).boxed().toList());
        Collections.shuffle(shuffled, new Random(5));
        assertThat(LongStream.of(chosen).boxed().toList()).isEqualTo(shuffled.subList(0, 10));
        assertThat(chosen).doesNotHaveDuplicates().isNotEqualTo(Arrays.copyOf(ids, 10));
        assertThat(RunPlanner.chooseInputs(ids, null, 5)).isEqualTo(ids);
    }
}
