package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.demonstrations.DemonstrationPicker;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.ConditionPlan;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.GoldColumns;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunPlan;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An annotate run's plan streams from its dataset (ids held, columns read in pages as slots are sent): it must
 * give exactly the slots planning them all at once gave, so that runs made before resume as they did, and a run
 * cut short resumes with each missing slot sent once.
 */
class StreamingPlanTest {

    private static final int RECORDS = 700; // several of the plan's pages of records
    private static final int LIMIT = 400;

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private Project project;
    private DatasetInfo questions;
    private StoredVersion prompt;

    @BeforeEach
    void setUp() throws Exception {
        project = fixture.project();
        StringBuilder csv = new StringBuilder("text,lang,category\n");
        for (int i = 0; i < RECORDS; i++) {
            csv.append("question ")
                    .append(i)
                    .append(',')
                    .append(i % 7 == 0 ? "de" : "en")
                    .append(',')
                    .append(i % 3 == 0 ? "card_arrival" : "lost_card")
                    .append('\n');
        }
        questions = fixture.importCsv("questions", csv.toString());
        project.datasets().setRoles(questions.id(), "text", "category");
        questions = project.datasets().find("questions").orElseThrow();
        prompt = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate",
                 "task": {"role": "You label questions.", "labels": [{"name": "card_arrival"}, {"name": "lost_card"}]},
                 "template": {"system": "{{task.role}} Be {{condition.tone}}.",
                              "user": "{{#demos}}Q: {{text}} A: {{label}}\\n{{/demos}}Q: {{text}} ({{lang}}, {{category}})\\nA:"},
                 "conditions": [{"name": "tone", "values": [{"value": "terse"}, {"value": "kind"}, {"value": "formal"}]}],
                 "plan": {"kind": "random", "seed": 11},
                 "demonstrations": {"dataset": "questions", "strategy": "random", "k": 2, "text": "text",
                                    "label": "category", "seed": 5}}
                """,
                        "intent.json"));
    }

    @Test
    void aStreamedAnnotatePlanGivesExactlyTheSlotsOfTheWholePlanMadeAtOnce() {
        RunInfo run = fixture.launcher().create(config(2, true));

        RunPlan streamed = new ProjectRuns(project, fixture.backends(), EmbeddingModels::miniLm).plan(run);
        List<Slot> slots = streamed.slots();

        List<Slot> whole = planAtOnce(run);
        assertThat(streamed.size()).isEqualTo(LIMIT);
        assertThat(IntStream.range(0, LIMIT).mapToObj(streamed::key).toList())
                .isEqualTo(whole.stream().map(Slot::key).toList());
        assertThat(slots).isEqualTo(whole);
        // What the model is shown: the record's own text, its condition, never the gold label.
        Slot first = slots.get(0);
        assertThat(first.demonstrationIds()).hasSize(2).doesNotContain(first.recordId());
        assertThat(first.messages().get(1).content())
                .endsWith("Q: question " + (first.recordId() - 1) + " (en, )\nA:")
                .doesNotContain("card_arrival (")
                .doesNotContain("lost_card (");
        assertThat(slots).extracting(s -> s.conditions().get("tone")).contains("terse", "kind", "formal");
    }

    @Test
    void aRunCutShortResumesSendingEachMissingSlotOnceWithItsPlannedMessages() throws Exception {
        fixture.server().always(LoopbackServer.answering(request -> "{\"label\": \"lost_card\"}"));
        RunLauncher launcher = fixture.launcher();
        RunInfo run = launcher.create(config(8, false));
        AtomicBoolean cancel = new AtomicBoolean();

        RunStatus first =
                launcher.execute(run.id(), (s, p) -> cancel.compareAndSet(false, p.done() >= 150), cancel::get);
        int before = (int) project.samples().count(run.id());
        RunStatus second = launcher.execute(run.id(), (s, p) -> {}, () -> false);

        assertThat(first).isEqualTo(RunStatus.CANCELLED);
        assertThat(before).isBetween(150, LIMIT - 1);
        assertThat(second).isEqualTo(RunStatus.COMPLETED);
        List<Sample> samples = project.samples().list(run.id(), 0, 10_000);
        assertThat(samples).hasSize(LIMIT);
        assertThat(fixture.server().chatRequests()).as("no slot sent twice").isEqualTo(LIMIT);
        Map<String, Slot> planned = planAtOnce(run).stream().collect(Collectors.toMap(Slot::key, s -> s));
        assertThat(samples).allSatisfy(s -> assertThat(s.slot())
                .isEqualTo(planned.get(s.slot().key())));
        assertThat(samples.stream().map(s -> s.slot().key()).collect(Collectors.toSet()))
                .isEqualTo(planned.keySet());
    }

    /** Annotates a seeded subset of the questions, of the English ones when {@code english}. */
    private RunConfig config(int concurrency, boolean english) {
        RunDetails details = RunDetails.of(LIMIT, GenerationParameters.DEFAULT);
        return new RunConfig(
                prompt.id(),
                prompt.mode(),
                fixture.backend(),
                "{}",
                questions.id(),
                3,
                concurrency,
                LIMIT,
                1,
                (english ? details.withWhere("lang", "en") : details).toJson());
    }

    /**
     * The plan as annotate runs made it before plans streamed: every taken record's columns read into memory,
     * the ids shuffled as a list, every condition value drawn and every slot rendered before the first is sent.
     */
    private List<Slot> planAtOnce(RunInfo run) {
        PromptVersion version = project.prompts().load(prompt.id());
        RunDetails details = RunDetails.fromJson(run.config().details());
        GoldColumns gold = GoldColumns.of(questions, version);
        Map<Long, Map<String, Object>> records = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        project.datasets().forEachRecord(questions.id(), r -> {
            if (details.takes(r.values())) {
                ids.add(r.id());
                records.put(r.id(), gold.hiddenFrom(r.values()));
            }
        });
        Collections.shuffle(ids, new Random(run.config().seed()));
        List<Long> chosen = ids.subList(0, LIMIT);
        List<Demonstration> pool = Demonstration.pool(project.datasets(), questions.id(), version.demonstrations());
        DemonstrationPicker picker = new DemonstrationPicker(version.demonstrations(), pool, Map.of());
        List<Map<String, String>> values = ConditionPlan.of(version).first(LIMIT);
        RunPlanner planner = new RunPlanner(version);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            RunPlanner.Input input = new RunPlanner.Input(chosen.get(i), records.get(chosen.get(i)));
            slots.add(planner.annotated(
                    i,
                    input,
                    values.get(i),
                    (ordinal, in) -> picker.pick(new DemonstrationPicker.Query(ordinal, in.id(), null))));
        }
        return slots;
    }
}
