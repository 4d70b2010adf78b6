package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptAddCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void addsVersionOneThenTwoAndPrintsNameAndVersion() throws Exception {
        Path file = Files.writeString(dir.resolve("prompt.json"), PromptFiles.ANNOTATOR);
        Path project = dir.resolve("p");

        assertThat(run("prompt", "add", "--project", project.toString(), "--file", file.toString()))
                .as(err::toString)
                .isZero();
        JsonNode first = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertThat(run("prompt", "add", "--project", project.toString(), "--file", file.toString()))
                .as(err::toString)
                .isZero();
        JsonNode second = new ObjectMapper().readTree(out.toString());

        assertThat(first.get("name").asText()).isEqualTo("intent-annotator");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.prompts().load("intent-annotator", 2).template().user())
                    .isEqualTo("Q: {{record.text}}\nA:");
        }
    }

    @Test
    void aBrokenFileFailsWithOneLineSayingWhereAndCreatesNoProject() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), PromptFiles.BROKEN);
        Path project = dir.resolve("p");

        int code = run("prompt", "add", "--project", project.toString(), "--file", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip())
                .startsWith("siftbench: " + file + ": line 4, column 3: ")
                .doesNotContain("\n");
        assertThat(ProjectFile.of(project).exists()).isFalse();
    }

    /** Adds {@code json} as a prompt file; returns what was said on stderr, asserting that it failed and stored nothing. */
    private String refused(String json) throws Exception {
        Path file = Files.writeString(dir.resolve("prompt.json"), json);
        Path project = dir.resolve("p");
        err.getBuffer().setLength(0);

        int code = run("prompt", "add", "--project", project.toString(), "--file", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(ProjectFile.of(project).exists())
                .as("no project is made for a refused file")
                .isFalse();
        return err.toString().strip().replace(file.toString(), "FILE");
    }

    private static String withUserTemplate(String template) throws Exception {
        return PromptFiles.ANNOTATOR.replace(
                "\"Q: {{record.text}}\\nA:\"", new ObjectMapper().writeValueAsString(template));
    }

    @Test
    void templatesThatWouldCrashOrBeSentWronglyAreRefusedSayingWhere() throws Exception {
        String deep = "{{#record.text}}".repeat(5000) + "x" + "{{/record.text}}".repeat(5000);

        assertThat(refused(withUserTemplate(deep)))
                .isEqualTo("siftbench: FILE: template.user: sections nest 5000 deep"
                        + " at line 1, column 79985; at most 50 are allowed");
        assertThat(refused(withUserTemplate("Q: {{record.text")))
                .isEqualTo("siftbench: FILE: template.user: the tag"
                        + " '{{record.text' at line 1, column 4 is not closed with }}");
        assertThat(refused(withUserTemplate("{{=<% %>=}}<% nosuchthing %>")
                        .replace("\"annotate\"", "\"synthesize\"")
                        .replace("\"mode\"", "\"output\": {\"schema\": {\"type\": \"object\"}}, \"mode\"")))
                .isEqualTo("siftbench: FILE: template.user: nothing fills {{nosuchthing}} (check the spelling, the"
                        + " condition names and, in synthesize mode, that no record field is used)");
    }

    @Test
    void namesAndDemonstrationsOutOfBoundsAreRefusedInOneShortLine() throws Exception {
        assertThat(refused(PromptFiles.ANNOTATOR.replace("intent-annotator", "name@2")))
                .isEqualTo(
                        "siftbench: FILE:"
                                + " name: a prompt name cannot contain '@' (character 5): it separates the name from the version in NAME@V");
        assertThat(refused(PromptFiles.ANNOTATOR.replace("intent-annotator", "\\u001b[2Jgone")))
                .isEqualTo("siftbench:"
                        + " FILE: name: a prompt name cannot contain control characters (U+001B at character 1)");
        assertThat(refused(PromptFiles.ANNOTATOR.replace("intent-annotator", "n".repeat(100_000))))
                .isEqualTo("siftbench: FILE: name: a prompt name has at most 100 characters, not 100,000");
        assertThat(refused(PromptFiles.ANNOTATOR.replace(
                        "\"mode\"", "\"demonstrations\": {\"dataset\": \"b77\", \"k\": 1e9}, \"mode\"")))
                .isEqualTo("siftbench: FILE: demonstrations.k: at most 50 demonstrations a prompt, not 1,000,000,000");
    }
}
