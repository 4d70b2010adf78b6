package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptFileTest {

    static String designExample() throws IOException {
        try (InputStream in = PromptFileTest.class.getResourceAsStream("intent-annotator.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDesignExampleFieldForField() throws IOException {
        PromptVersion v = PromptFile.parse(designExample(), "intent-annotator.json");

        assertThat(v.name()).isEqualTo("intent-annotator");
        assertThat(v.mode()).isEqualTo(PromptMode.ANNOTATE);
        assertThat(v.task().labels()).extracting(Label::name).containsExactly("card_arrival", "lost_or_stolen_card");
        assertThat(v.task().labels().get(0).verbalizer())
                .as("verbalizer defaults to the name")
                .isEqualTo("card_arrival");
        assertThat(v.task().labels().get(1).verbalizer()).isEqualTo("lost card");
        assertThat(v.task().confidence()).isTrue();
        assertThat(v.conditions().get(0).values())
                .extracting(ConditionValue::value, ConditionValue::enabled, ConditionValue::weight)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("angry", true, 1.0),
                        org.assertj.core.groups.Tuple.tuple("polite", false, 1.0));
        assertThat(v.plan()).isEqualTo(Plan.of(PlanKind.BALANCED, 7));
        assertThat(v.demonstrations().strategy()).isEqualTo(DemonstrationStrategy.RANDOM);
        assertThat(v.demonstrations().label()).isEqualTo("category");
        assertThat(v.template().user()).startsWith("{{#demos}}Q: {{text}}\nA:");
    }

    @Test
    void writingAndReadingAgainGivesTheSameVersion() throws IOException {
        PromptVersion v = PromptFile.parse(designExample(), "example");

        String written = PromptFile.write(v);
        PromptVersion again = PromptFile.parse(written, "written");

        assertThat(again).isEqualTo(v);
        assertThat(PromptFile.write(again)).isEqualTo(written);
        JsonNode tree = new ObjectMapper().readTree(written);
        assertThat(tree.fieldNames())
                .toIterable()
                .containsExactly(
                        "name", "note", "mode", "task", "template", "conditions", "plan", "demonstrations", "output");
        assertThat(tree.at("/mode").asText()).isEqualTo("annotate");
        assertThat(tree.at("/plan/kind").asText()).isEqualTo("balanced");
        assertThat(tree.at("/demonstrations/strategy").asText()).isEqualTo("random");
        assertThat(tree.at("/conditions/0/values/1/enabled").asBoolean(true)).isFalse();
    }

    @Test
    void aMinimalSynthesizeFileGetsDefaults() {
        PromptVersion v = PromptFile.parse(
                """
                {"name": "faq", "mode": "synthesize",
                 "template": {"user": "Write a question{{#condition.topic}} about {{condition.topic}}{{/condition.topic}}."},
                 "conditions": [{"name": "topic", "values": [{"value": "cards"}]}],
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                """,
                "faq.json");

        assertThat(v.conditions().get(0).isOn()).isTrue();
        assertThat(v.conditions().get(0).values().get(0).isOn()).isTrue();
        assertThat(v.plan()).isEqualTo(Plan.of(PlanKind.ALL, 0));
        assertThat(v.demonstrations()).isNull();
        assertThat(v.outputSchema().schema().at("/properties/text/type").asText())
                .isEqualTo("string");
    }

    @Test
    void anAnnotateFileNeedNotSayItWantsNoRationale() {
        PromptVersion v = PromptFile.parse(
                """
                {"name": "a", "mode": "annotate", "task": {"labels": [{"name": "x"}]}, "template": {"user": "{{text}}"}}
                """,
                "a.json");

        assertThat(v.task().rationale()).isFalse();
        assertThat(v.task().confidence()).isFalse();
        assertThat(v.outputSchema().schema().at("/required"))
                .extracting(JsonNode::asText)
                .containsExactly("label");
    }

    @Test
    void annotateSchemaIsDerivedFromTheLabels() throws IOException {
        PromptVersion v = PromptFile.parse(designExample(), "example");

        JsonNode schema = v.outputSchema().schema();

        assertThat(schema.at("/properties/label/enum"))
                .as("the model answers with the verbalizers it is shown")
                .extracting(JsonNode::asText)
                .containsExactly("card_arrival", "lost card");
        assertThat(v.task().labelOf(" Lost Card ")).map(Label::name).contains("lost_or_stolen_card");
        assertThat(v.task().labelOf("lost_or_stolen_card")).map(Label::name).contains("lost_or_stolen_card");
        assertThat(v.task().labelOf("stolen")).isEmpty();
        assertThat(schema.at("/properties/confidence/type").asText()).isEqualTo("number");
        assertThat(schema.at("/properties/rationale").isMissingNode())
                .as("no rationale was asked for")
                .isTrue();
        assertThat(schema.at("/required")).extracting(JsonNode::asText).containsExactly("label", "confidence");
    }

    @Test
    void brokenJsonSaysFileLineAndColumn() {
        String broken = "{\n  \"name\": \"x\",\n  \"mode\": \"annotate\"\n  \"task\": {}\n}";

        assertThatThrownBy(() -> PromptFile.parse(broken, "p.json"))
                .isInstanceOf(PromptFileException.class)
                .hasMessageStartingWith("p.json: line 4, column 3: ");
    }

    @Test
    void aWrongValueSaysWhereAndWhat() {
        String negative =
                """
                {"name": "x", "mode": "synthesize",
                 "conditions": [{"name": "tone", "values": [{"value": "calm"},
                                                              {"value": "angry", "weight": -2}]}],
                 "output": {"schema": {"type": "object"}}}
                """;
        String badMode = "{\"name\": \"x\",\n \"mode\": \"summarize\"}";

        assertThatThrownBy(() -> PromptFile.parse(negative, "p.json"))
                .hasMessageContaining("p.json: line 3, column")
                .hasMessageContaining("conditions[0].values[1]")
                .hasMessageContaining("weight of value 'angry' must be a number >= 0");
        assertThatThrownBy(() -> PromptFile.parse(badMode, "p.json"))
                .hasMessageContaining("p.json: line 2, column")
                .hasMessageContaining("at mode")
                .hasMessageContaining("summarize");
    }

    @Test
    void rulesAcrossFieldsNameTheField() {
        String noLabels = "{\"name\": \"x\", \"mode\": \"annotate\", \"template\": {\"user\": \"{{record.text}}\"}}";
        String typo =
                """
                {"name": "x", "mode": "synthesize", "template": {"user": "{{condition.tnoe}} {{task.rol}}"},
                 "conditions": [{"name": "tone", "values": [{"value": "calm"}]}],
                 "output": {"schema": {"type": "object"}}}
                """;
        String unbalanced =
                """
                {"name": "x", "mode": "synthesize", "template": {"system": "{{#demos}}{{text}}"},
                 "output": {"schema": {"type": "object"}}}
                """;

        assertThatThrownBy(() -> PromptFile.parse(noLabels, "p.json"))
                .hasMessage("p.json: task.labels: annotate needs at least one label");
        String sameWord = noLabels.replace(
                "\"template\"",
                "\"task\": {\"labels\": [{\"name\": \"a\", \"verbalizer\": \"card\"},"
                        + " {\"name\": \"b\", \"verbalizer\": \"Card\"}]}, \"template\"");
        assertThatThrownBy(() -> PromptFile.parse(sameWord, "p.json"))
                .hasMessage("p.json: task.labels[1]: the verbalizer 'Card' is used by another label too,"
                        + " so an answer could not tell them apart");
        assertThatThrownBy(() -> PromptFile.parse(typo, "p.json"))
                .hasMessageStartingWith("p.json: template.user: nothing fills {{condition.tnoe}}, {{task.rol}}");
        assertThatThrownBy(() -> PromptFile.parse(unbalanced, "p.json"))
                .hasMessageStartingWith("p.json: template.system: ")
                .hasMessageContaining("demos");
    }

    /** An annotate prompt file with {@code template} as its user template and {@code name}, otherwise valid. */
    private static String annotator(String name, String template) {
        return "{\"name\": " + JSON_TEXT.apply(name)
                + ", \"mode\": \"annotate\", \"task\": {\"labels\": [{\"name\": \"x\"}]},"
                + " \"template\": {\"user\": " + JSON_TEXT.apply(template) + "}}";
    }

    private static final java.util.function.Function<String, String> JSON_TEXT = text -> {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    @Test
    void sectionsNestedTooDeepAreRefusedWithWhereTheyGoDeepest() {
        String deep = "{{#a}}".repeat(5000) + "x" + "{{/a}}".repeat(5000);

        assertThatThrownBy(() -> PromptFile.parse(annotator("deep", deep), "p.json"))
                .hasMessage(
                        "p.json: template.user: sections nest 5000 deep at line 1, column 29995; at most 50 are allowed");
        assertThat(PromptFile.parse(annotator("fifty", "{{#a}}".repeat(50) + "{{/a}}".repeat(50)), "p.json")
                        .name())
                .isEqualTo("fifty");
    }

    @Test
    void aTemplateIsCheckedWithTheDelimitersItSetsAndAnUnclosedTagIsRefused() {
        String switched =
                """
                {"name": "x", "mode": "synthesize", "template": {"user": "{{=<% %>=}}<% nosuchthing %>"},
                 "output": {"schema": {"type": "object"}}}
                """;

        assertThatThrownBy(() -> PromptFile.parse(switched, "p.json"))
                .hasMessage("p.json: template.user: nothing fills {{nosuchthing}} (check the spelling, the condition"
                        + " names and, in synthesize mode, that no record field is used)");
        assertThat(PromptFile.parse(switched.replace("nosuchthing", "task.role"), "p.json")
                        .template()
                        .user())
                .isEqualTo("{{=<% %>=}}<% task.role %>");
        assertThatThrownBy(() -> PromptFile.parse(annotator("x", "Q: {{record.text"), "p.json"))
                .hasMessage("p.json: template.user: the tag '{{record.text' at line 1, column 4 is not closed with }}");
        assertThatThrownBy(() -> PromptFile.parse(annotator("x", "Q: {{}}"), "p.json"))
                .hasMessage(
                        "p.json: template.user: the tag at line 1, column 4 is empty: write a name between {{ and }}");
    }

    @Test
    void aNameIsOneToAHundredCharactersWithoutAnAtOrControlCharacters() {
        assertThatThrownBy(() -> PromptFile.parse(annotator("name@2", "{{text}}"), "p.json"))
                .hasMessage("p.json: name: a prompt name cannot contain '@' (character 5): it separates the name from"
                        + " the version in NAME@V");
        assertThatThrownBy(() -> PromptFile.parse(annotator("\u001b[31mred\u001b[0m", "{{text}}"), "p.json"))
                .hasMessage("p.json: name: a prompt name cannot contain control characters (U+001B at character 1)");
        assertThatThrownBy(() -> PromptFile.parse(annotator("n".repeat(100_000), "{{text}}"), "p.json"))
                .hasMessage("p.json: name: a prompt name has at most 100 characters, not 100,000");
        assertThat(PromptFile.parse(annotator("é".repeat(100), "{{text}}"), "p.json")
                        .name())
                .hasSize(100);
    }

    @Test
    void demonstrationsAreAtMostFifty() {
        String file =
                """
                {"name": "x", "mode": "annotate", "task": {"labels": [{"name": "a"}]}, "template": {"user": "{{text}}"},
                 "demonstrations": {"dataset": "b77", "k": 1e9}}
                """;
        String ids = file.replace(
                "\"k\": 1e9",
                "\"strategy\": \"fixed\", \"ids\": "
                        + java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());

        assertThatThrownBy(() -> PromptFile.parse(file, "p.json"))
                .hasMessage("p.json: demonstrations.k: at most 50 demonstrations a prompt, not 1,000,000,000");
        assertThatThrownBy(() -> PromptFile.parse(ids, "p.json"))
                .hasMessage("p.json: demonstrations.ids: at most 50 record ids, not 51");
        assertThat(PromptFile.parse(file.replace("1e9", "50"), "p.json")
                        .demonstrations()
                        .k())
                .isEqualTo(50);
    }

    @Test
    void readsFromDiskAndNamesAMissingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, designExample());

        assertThat(PromptFile.read(file).name()).isEqualTo("intent-annotator");
        assertThatThrownBy(() -> PromptFile.read(dir.resolve("missing.json")))
                .isInstanceOf(PromptFileException.class)
                .hasMessageContaining("missing.json");
    }
}
