package io.siftbench.model.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTagsTest {

    /** The names a template looks up, in order, as JMustache itself reads them: what the check must agree with. */
    private static List<String> asTheRendererReadsIt(String template) {
        List<String> seen = new ArrayList<>();
        Mustache.compiler().compile(template).visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {
                seen.add("variable " + name);
            }

            @Override
            public boolean visitInclude(String name) {
                seen.add("partial " + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                seen.add("section " + name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                seen.add("inverted " + name);
                return true;
            }
        });
        return seen;
    }

    private static List<String> asTheCheckReadsIt(String template) {
        TemplateTags read = TemplateTags.read(template);
        assertThat(read.problem()).as(template).isEmpty();
        return read.tags().stream()
                .map(t -> switch (t.kind()) {
                    case VARIABLE -> "variable " + t.name();
                    case SECTION -> "section " + t.name();
                    case INVERTED_SECTION -> "inverted " + t.name();
                    case PARTIAL -> "partial " + t.name();
                    default -> null;
                })
                .filter(s -> s != null)
                .toList();
    }

    @Test
    void readsEveryTemplateAsTheRendererDoes() {
        List<String> templates = List.of(
                "Q: {{text}} {{#demos}}{{label}}{{/demos}}",
                "{{=<% %>=}}<% nosuchthing %> {{text}}",
                "a {{=<% %>=}}<%#demos%><% text %><%/demos%><%={{ }}=%>{{record.text}}",
                "{{=| |=}}|text| {{text}} |={{ }}=|{{task.role}}",
                "{{{text}}} {{& text}} {{ text }} {{^labels}}none{{/labels}}",
                "{{! a comment with {{braces}} }}{{text}}",
                "{ {text} }} {{text}}} }}{{text}}",
                "{{#condition.tone}}\n  Tone: {{.}}\n{{/condition.tone}}\n{{> partial}}",
                "{{=[[ ]]=}}[[text]] [ ]] [[#demos]][[text]][[/demos]]",
                "{{=< >=}}<text> <#demos><id></demos>");
        for (String template : templates) {
            assertThat(asTheCheckReadsIt(template)).as(template).isEqualTo(asTheRendererReadsIt(template));
        }
    }

    @Test
    void sectionsNestedTooDeepAreFoundInOneLoopWhereTheyGoDeepest() {
        String deep = "{{#a}}".repeat(5000) + "x" + "{{/a}}".repeat(5000);
        String allowed = "\n  " + "{{#a}}".repeat(50) + "x" + "{{/a}}".repeat(50);

        assertThat(TemplateTags.read(deep).problem())
                .contains("sections nest 5000 deep at line 1, column 29995;" + " at most 50 are allowed");
        assertThat(TemplateTags.read(deep).unrenderable())
                .isEqualTo(TemplateTags.read(deep).problem());
        assertThat(TemplateTags.read(allowed).problem()).isEmpty();
        assertThat(TemplateTags.read("a\n{{#a}}{{#b}}\n  " + "{{#c}}".repeat(60))
                        .problem())
                .contains("sections nest 62 deep at line 3, column 357; at most 50 are allowed");
    }

    @Test
    void saysWhereATagIsNotClosedOrEmptyOrASwitchMalformed() {
        assertThat(TemplateTags.read("Q: {{record.text").problem())
                .contains("the tag '{{record.text' at line 1, column 4 is not closed with }}");
        assertThat(TemplateTags.read("Q: {{record.text\nA: {{label}}").problem())
                .contains("the tag '{{record.text' at line 1, column 4 is not closed with }}");
        assertThat(TemplateTags.read("{{=<% %>=}}\nQ: <% text").problem())
                .contains("the tag '<% text' at line 2, column 4 is not closed with %>");
        assertThat(TemplateTags.read("A {{ }} B").problem())
                .contains("the tag at line 1, column 3 is empty: write a name between {{ and }}");
        assertThat(TemplateTags.read("A {{ }} B").unrenderable()).isPresent();
        assertThat(TemplateTags.read("Q: {{record.text").unrenderable())
                .as("the renderer sends it as text")
                .isEmpty();
        assertThat(TemplateTags.read("{{=<%  %>=}}").problem())
                .contains("the delimiter switch at line 1, column 1 must"
                        + " look like {{=<% %>=}}: two delimiters of one or two characters, one space between them");
        assertThat(TemplateTags.read("{{#demos}}\n{{text}}").problem())
                .contains("'{{#demos}}' at line 1, column 1 is never closed: add {{/demos}}");
        assertThat(TemplateTags.read("{{#a}}{{#b}}{{/a}}").problem())
                .contains(
                        "'{{/a}}' at line 1, column 13 does not close '{{#b}}' at line 1, column 7; close that one first");
        assertThat(TemplateTags.read("x {{/a}}").problem()).contains("'{{/a}}' at line 1, column 3 closes no section");
    }
}
