package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static PromptVersion prompt(PromptMode mode) {
        return new PromptVersion(
                "p",
                null,
                mode,
                null,
                null,
                List.of(
                        Condition.of("tone", "calm"),
                        Condition.of("length", "short").withEnabled(false)),
                null,
                null,
                null);
    }

    @Test
    void findsEveryTagWithItsPlace() {
        String t = "Q: {{text}} {{#demos}}{{label}}{{/demos}}";

        List<Placeholder> tags = new Placeholders(prompt(PromptMode.ANNOTATE), Set.of("text"), null).scan(t);

        assertThat(tags).extracting(Placeholder::name).containsExactly("text", "demos", "label", "demos");
        assertThat(tags)
                .extracting(Placeholder::kind)
                .containsExactly(
                        Placeholder.Kind.VARIABLE,
                        Placeholder.Kind.SECTION,
                        Placeholder.Kind.VARIABLE,
                        Placeholder.Kind.CLOSE);
        assertThat(t.substring(tags.get(0).start(), tags.get(0).end())).isEqualTo("{{text}}");
        assertThat(tags).allMatch(Placeholder::known);
    }

    @Test
    void flagsNamesNothingFills() {
        Placeholders p =
                new Placeholders(prompt(PromptMode.ANNOTATE), Set.of("text", "category"), Set.of("text", "intent"));
        String t = "{{text}} {{txet}} {{record.category}} {{record.categry}} {{condition.tone}} {{condition.length}}"
                + " {{condition.mood}} {{task.role}} {{task.roll}} {{#demos}}{{intent}} {{id}} {{name}}{{/demos}}"
                + " {{#labels}}{{verbalizer}} {{text}}{{/labels}} {{intent}} {{{text}}} {{&text}} {{! a comment }}"
                + " {{#condition.tone}}{{.}}{{/condition.tone}} {{> file}}";

        assertThat(p.unknown(t))
                .containsExactly("txet", "record.categry", "condition.mood", "task.roll", "name", "intent", ">file");
    }

    @Test
    void synthesizeHasNoRecordAndUnknownColumnsAreAccepted() {
        String t = "{{text}} {{record.text}} {{condition.tone}}";

        assertThat(new Placeholders(prompt(PromptMode.SYNTHESIZE), null, null).unknown(t))
                .containsExactly("text", "record.text");
        assertThat(new Placeholders(prompt(PromptMode.ANNOTATE), null, null).unknown(t))
                .isEmpty();
    }
}
