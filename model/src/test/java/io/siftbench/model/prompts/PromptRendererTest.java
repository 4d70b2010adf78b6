package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.demonstrations.Demonstration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptRendererTest {

    private static final Map<String, Object> RECORD = Map.of("text", "Where is my card?", "category", "card_arrival");

    private static PromptVersion prompt(String system, String user, Condition... conditions) {
        return new PromptVersion(
                "p",
                null,
                PromptMode.ANNOTATE,
                new TaskSpec(
                        "You label questions.",
                        "Pick one intent.",
                        "Reply with JSON.",
                        List.of(
                                new Label("card_arrival", "card not yet received", null),
                                new Label("lost_or_stolen_card", "card gone", "lost card")),
                        false,
                        false),
                new Template(system, user),
                List.of(conditions),
                null,
                null,
                null);
    }

    @Test
    void rendersTheDesignExampleExactly() throws Exception {
        PromptVersion v = PromptFile.parse(PromptFileTest.designExample(), "example");
        List<Demonstration> demos = List.of(
                new Demonstration(3, "I still have no card", "card_arrival", Map.of()),
                new Demonstration(9, "Someone took my card", "lost_or_stolen_card", Map.of()));

        RenderedPrompt r = new PromptRenderer(v).render(RECORD, Map.of("tone", "angry"), demos);

        assertThat(r.system())
                .isEqualTo("You label customer-banking questions. Pick the one intent that fits the "
                        + "question best. Reply with JSON {\"label\": …}.");
        assertThat(r.user())
                .isEqualTo("Q: I still have no card\nA: card_arrival\nQ: Someone took my card\n"
                        + "A: lost_or_stolen_card\nTone: angry\nQ: Where is my card?\nA:");
    }

    @Test
    void aSwitchedOffConditionsSectionVanishes() {
        String user = "{{#condition.tone}}Be {{condition.tone}}. {{/condition.tone}}Q: {{text}}";
        Condition tone = Condition.of("tone", "angry", "polite");

        String on = new PromptRenderer(prompt("", user, tone))
                .render(RECORD, Map.of("tone", "angry"), List.of())
                .user();
        String off = new PromptRenderer(prompt("", user, tone.withEnabled(false)))
                .render(RECORD, Map.of("tone", "angry"), List.of())
                .user();

        assertThat(on).isEqualTo("Be angry. Q: Where is my card?");
        assertThat(off).isEqualTo("Q: Where is my card?");
    }

    @Test
    void aSwitchedOffValueIsNeverFilledIn() {
        String user = "[{{condition.tone}}]{{#condition.tone}} toned{{/condition.tone}}";
        Condition tone = Condition.of("tone", "angry", "polite");
        tone = tone.withValue(1, tone.values().get(1).withEnabled(false));
        PromptRenderer renderer = new PromptRenderer(prompt("", user, tone));

        assertThat(renderer.render(RECORD, Map.of("tone", "polite"), List.of()).user())
                .isEqualTo("[]");
        assertThat(renderer.render(RECORD, Map.of("tone", "angry"), List.of()).user())
                .isEqualTo("[angry] toned");
    }

    @Test
    void seesColumnsLabelsAndDemoColumnsWithoutEscaping() {
        String user =
                "{{category}}/{{record.category}} {{#labels}}<{{name}}={{verbalizer}}: {{description}}>{{/labels}}"
                        + "{{#demos}}#{{id}} {{text}} ({{category}}) {{/demos}}";
        Demonstration demo = new Demonstration(42, "A & B <ok>", "card_arrival", Map.of("category", "from demo"));

        String out = new PromptRenderer(prompt("", user))
                .render(RECORD, Map.of(), List.of(demo))
                .user();

        assertThat(out)
                .isEqualTo("card_arrival/card_arrival <card_arrival=card_arrival: card not yet received>"
                        + "<lost_or_stolen_card=lost card: card gone>#42 A & B <ok> (from demo) ");
    }

    @Test
    void aTemplateCannotReadFilesOrCallMethods() {
        assertThatThrownBy(
                        () -> new PromptRenderer(prompt("{{> /etc/passwd}}", "")).render(RECORD, Map.of(), List.of()))
                .hasMessageContaining("partials")
                .hasMessageContaining("not allowed");
        String reflective = "[{{text.length}}][{{record.class}}][{{text.bytes}}][{{task.role.empty}}]";
        assertThat(new PromptRenderer(prompt("", reflective))
                        .render(RECORD, Map.of(), List.of())
                        .user())
                .isEqualTo("[][][][]");
    }

    @Test
    void inSynthesizeModeThereIsNoRecord() {
        PromptVersion v = prompt(
                "",
                "Write about {{condition.topic}}{{#record.text}} like {{record.text}}{{/record.text}}.",
                Condition.of("topic", "fees"));

        String out = new PromptRenderer(v)
                .render(Map.of(), Map.of("topic", "fees"), List.of())
                .user();

        assertThat(out).isEqualTo("Write about fees.");
    }

    @Test
    void syntaxProblemsAreReportedWithTheirPlace() {
        assertThat(PromptRenderer.syntaxProblem("{{#demos}}x")).get().asString().contains("demos");
        assertThat(PromptRenderer.syntaxProblem("{{#demos}}x{{/demos}}")).isEmpty();
        assertThatThrownBy(() -> new PromptRenderer(prompt("ok", "{{#a}}{{/b}}")))
                .hasMessageStartingWith("template.user: ");
    }

    @Test
    void aPlaceholderNamingAnObjectIsWrittenAsJsonOfWhatTheTemplateSees() {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("text", "Where is my \"card\"?");
        record.put("id", 7L);
        record.put("amount", new java.math.BigDecimal("12.50"));
        record.put("note", null);
        String user = "{{record}}|{{labels}}|{{condition}}|{{demos}}|{{#labels}}{{.}}{{/labels}}";
        Demonstration demo = new Demonstration(3, "I still have no card", "card_arrival", Map.of());

        String out = new PromptRenderer(prompt("{{task}}", user, Condition.of("tone", "angry")))
                .render(record, Map.of("tone", "angry"), List.of(demo))
                .user();
        String system = new PromptRenderer(prompt("{{task}}", ""))
                .render(RECORD, Map.of(), List.of())
                .system();

        String labels =
                "[{\"name\": \"card_arrival\", \"description\": \"card not yet received\", \"verbalizer\": \"card_arrival\"},"
                        + " {\"name\": \"lost_or_stolen_card\", \"description\": \"card gone\", \"verbalizer\": \"lost card\"}]";
        assertThat(out)
                .isEqualTo(
                        "{\"text\": \"Where is my \\\"card\\\"?\", \"id\": 7, \"amount\": 12.50, \"note\": null}|"
                                + labels
                                + "|{\"tone\": \"angry\"}|[{\"id\": 3, \"text\": \"I still have no card\", \"label\": \"card_arrival\"}]|"
                                + labels.substring(1, labels.indexOf('}') + 1)
                                + "{\"name\": \"lost_or_stolen_card\", \"description\": \"card gone\", \"verbalizer\": \"lost card\"}");
        assertThat(system)
                .isEqualTo("{\"role\": \"You label questions.\", \"purpose\": \"Pick one intent.\","
                        + " \"format\": \"Reply with JSON.\", \"labels\": " + labels
                        + ", \"rationale\": false, \"confidence\": false}");
    }

    @Test
    void aJudgeSeesTheSampleAndItsConditionsAsJsonInAFixedOrder() {
        PromptVersion judge = new PromptVersion(
                "j",
                null,
                PromptMode.JUDGE,
                null,
                new Template("", "{{sample}} {{condition}}"),
                List.of(),
                null,
                null,
                null);
        Map<String, Object> sample = new java.util.LinkedHashMap<>();
        sample.put("id", 4L);
        sample.put("text", "hi");
        sample.put("confidence", 0.5);

        String out = new PromptRenderer(judge)
                .renderJudged(Map.of(), Map.of("tone", "calm", "length", "short"), List.of(), sample)
                .user();

        assertThat(out)
                .isEqualTo(
                        "{\"id\": 4, \"text\": \"hi\", \"confidence\": 0.5} {\"length\": \"short\", \"tone\": \"calm\"}");
    }

    @Test
    void aTemplateRendersWithTheDelimitersItSets() {
        String user = "{{=<% %>=}}Q: <% text %> {{kept}} <%#labels%>[<%name%>]<%/labels%>";

        assertThat(new PromptRenderer(prompt("", user))
                        .render(RECORD, Map.of(), List.of())
                        .user())
                .isEqualTo("Q: Where is my card? {{kept}} [card_arrival][lost_or_stolen_card]");
    }

    @Test
    void aVersionNestedTooDeepIsRefusedBeforeAnythingRecursesIntoIt() {
        // Saved before nesting was checked: the renderer refuses it with the reason instead of overflowing its stack.
        PromptVersion deep = prompt("", "{{#text}}".repeat(5000) + "x" + "{{/text}}".repeat(5000));

        assertThatThrownBy(() -> new PromptRenderer(deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template.user: sections nest 5000 deep at line 1, column 44992; at most 50 are allowed");
        assertThatThrownBy(() -> new PromptRenderer(prompt("Hello {{}}", "")))
                .hasMessage("template.system: the tag at line 1, column 7 is empty: write a name between {{ and }}");
    }
}
