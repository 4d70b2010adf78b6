package io.siftbench.storage.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small curated project, stored for real: a dataset of questions (record 1 is the run's demonstration),
 * an annotate run over it and a synthesize run whose texts are hostile to spreadsheets and to naive
 * writers (formula starts, quotes, tabs, line breaks, emoji), each with accepted, edited, rejected and
 * undecided samples.
 */
final class ExportFixture {

    /** The server that answered the annotate run's samples, as a run records it. */
    static final String ENDPOINT = "http://127.0.0.1:1/v1";

    static final String SYSTEM = "You label customer-banking questions. Reply with the intent only.";
    static final List<String> QUESTIONS = List.of(
            "Where is my card? I ordered it last week.",
            "=HYPERLINK(\"http://x\",\"How do I link my card?\")",
            "What rate do you use, \"today's\" or yesterday's?",
            "-5 euros were taken, why?\r\nPlease explain.",
            "My card was stolen in Zürich — block it ✓ 😀",
            "My top-up failed\tagain");
    static final List<String> LABELS = List.of(
            "card_arrival", "card_linking", "exchange_rate", "lost_or_stolen_card", "pin_blocked", "top_up_failed");
    static final List<String> STORIES = List.of(
            "=cmd|' /C calc'!A0",
            "+1 for the polite clerk",
            "@SUM(A1:A9) is not a story",
            "\tA tab starts this one",
            "'Quoted' from the start, with \"inner\" quotes",
            "Two lines,\nthe second \r\nafter CRLF",
            "A plain story about a card");

    static final String EDITED_STORY = "+2 for the polite clerk, edited";

    final Project project;
    final DatasetInfo questions;
    final List<Sample> annotated = new ArrayList<>();
    final List<Sample> synthesized = new ArrayList<>();
    final long annotateRun;
    final long synthesizeRun;

    ExportFixture(Project project, Path dir) throws Exception {
        this.project = project;
        Path data = dir.resolve("questions.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            lines.append(json.writeValueAsString(Map.of("text", QUESTIONS.get(i), "category", LABELS.get(i))))
                    .append('\n');
        }
        Files.writeString(data, lines.toString());
        questions = project.datasets()
                .importFile(ImportOptions.of(data), ImportProgress.NONE)
                .dataset();

        long annotator = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intents", "mode": "annotate",
                 "task": {"role": "%s", "labels": [%s]},
                 "template": {"system": "{{task.role}}", "user": "{{#demos}}Q: {{text}}\\nA: {{label}}\\n{{/demos}}Q: {{record.text}}\\nA:"},
                 "demonstrations": {"dataset": "questions", "strategy": "fixed", "ids": [1], "text": "text", "label": "category"}}
                """
                                .formatted(
                                        SYSTEM,
                                        String.join(
                                                ",",
                                                LABELS.stream()
                                                        .map(l -> "{\"name\":\"" + l + "\"}")
                                                        .toList())),
                        "intents.json"))
                .id();
        long storyteller = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "stories", "mode": "synthesize",
                 "task": {"role": "You write short stories about banking."},
                 "template": {"system": "{{task.role}}", "user": "Write a story in a {{condition.tone}} tone."},
                 "conditions": [{"name": "tone", "values": [{"value": "angry"}, {"value": "polite"}]}],
                 "plan": {"kind": "all", "seed": 11},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """,
                        "stories.json"))
                .id();

        annotateRun = project.runs()
                .create(new RunConfig(
                        annotator,
                        PromptMode.ANNOTATE,
                        new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny"),
                        "{\"temperature\":0.2}",
                        questions.id(),
                        5,
                        1,
                        QUESTIONS.size(),
                        1,
                        "{}"));
        for (int i = 0; i < QUESTIONS.size(); i++) {
            Slot slot = new Slot(
                    "r" + (i + 1),
                    i,
                    (long) (i + 1),
                    Map.of(),
                    List.of(1L),
                    List.of(
                            Message.system(SYSTEM),
                            Message.user(
                                    "Q: " + QUESTIONS.get(0) + "\nA: card_arrival\nQ: " + QUESTIONS.get(i) + "\nA:")));
            annotated.add(project.samples()
                    .add(new Sample(
                            0,
                            annotateRun,
                            slot,
                            "tiny",
                            "{\"temperature\":0.2}",
                            5L,
                            LABELS.get(i),
                            LABELS.get(i),
                            null,
                            0.9,
                            null,
                            null,
                            true,
                            null,
                            List.of(),
                            30,
                            2,
                            12L,
                            "stop",
                            null,
                            null,
                            ENDPOINT)));
        }
        project.runs().setStatus(annotateRun, RunStatus.COMPLETED);

        synthesizeRun = project.runs()
                .create(new RunConfig(
                        storyteller,
                        PromptMode.SYNTHESIZE,
                        new BackendRef("ollama", "http://127.0.0.1:2", "tiny-stories"),
                        "{\"temperature\":0.9}",
                        null,
                        9,
                        1,
                        STORIES.size(),
                        1,
                        "{}"));
        for (int i = 0; i < STORIES.size(); i++) {
            String tone = i % 2 == 0 ? "angry" : "polite";
            Slot slot = new Slot(
                    "c" + i,
                    i,
                    null,
                    Map.of("tone", tone),
                    List.of(),
                    List.of(
                            Message.system("You write short stories about banking."),
                            Message.user("Write a story in a " + tone + " tone.")));
            synthesized.add(project.samples().add(story(synthesizeRun, slot, 9L + i, STORIES.get(i))));
        }
        project.runs().setStatus(synthesizeRun, RunStatus.COMPLETED);
    }

    /** A valid synthesized story of {@code run} in {@code slot}, as tiny-stories answered it with {@code seed}. */
    static Sample story(long run, Slot slot, long seed, String text) {
        return new Sample(
                0,
                run,
                slot,
                "tiny-stories",
                "{\"temperature\":0.9}",
                seed,
                text,
                null,
                null,
                null,
                text,
                null,
                true,
                null,
                List.of(),
                12,
                20,
                40L,
                "stop",
                null,
                null);
    }

    /**
     * Annotate run: every record accepted except record 5 (edited to pin_blocked → lost_or_stolen_card)
     * and record 6 (rejected). Record 1 was the demonstration.
     */
    ExportFixture curateAnnotations() {
        for (int i = 0; i < 4; i++) {
            decide(Decision.of(annotated.get(i).id(), DecisionStatus.ACCEPTED, null));
        }
        decide(Decision.edit(annotated.get(4).id(), null, "lost_or_stolen_card", "stolen, not blocked"));
        decide(Decision.of(annotated.get(5).id(), DecisionStatus.REJECTED, "unclear"));
        return this;
    }

    /** Synthesize run: all accepted but the last (undecided), story 2 edited, story 3 rejected. */
    ExportFixture curateStories() {
        for (int i = 0; i < STORIES.size() - 1; i++) {
            decide(Decision.of(synthesized.get(i).id(), DecisionStatus.ACCEPTED, null));
        }
        decide(Decision.edit(synthesized.get(1).id(), EDITED_STORY, null, null));
        decide(Decision.of(synthesized.get(2).id(), DecisionStatus.REJECTED, null));
        return this;
    }

    private void decide(Decision decision) {
        project.decisions().decide(decision);
    }
}
