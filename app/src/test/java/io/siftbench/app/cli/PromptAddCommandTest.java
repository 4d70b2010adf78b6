package io.siftbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(run("prompt", "add", "--project", project.toString(), "--file", file.toString())).as(err::toString).isZero();
        JsonNode first = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertThat(run("prompt", "add", "--project", project.toString(), "--file", file.toString())).as(err::toString).isZero();
        JsonNode second = new ObjectMapper().readTree(out.toString());

        assertThat(first.get("name").asText()).isEqualTo("intent-annotator");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.prompts().load("intent-annotator", 2).template().user()).isEqualTo("Q: {{record.text}}\nA:");
        }
    }

    @Test
    void aBrokenFileFailsWithOneLineSayingWhereAndCreatesNoProject() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), PromptFiles.BROKEN);
        Path project = dir.resolve("p");

        int code = run("prompt", "add", "--project", project.toString(), "--file", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).startsWith("siftbench: " + file + ": line 4, column 3: ").doesNotContain("\n");
        assertThat(ProjectFile.of(project).exists()).isFalse();
    }
}
