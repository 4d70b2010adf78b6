package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siftbench decide} with the real jar on a real project: same history, same undo as the screen. */
class DecideCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file;
    private List<Sample> samples;

    @BeforeEach
    void runWithSamples() throws Exception {
        file = dir.resolve("curate.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 4);
        }
    }

    @Test
    void acceptEditUndoAndRedoAreRecordedInTheProjectsHistory() throws Exception {
        String first = String.valueOf(samples.get(0).id());
        String second = String.valueOf(samples.get(1).id());

        JsonNode accepted = decide("accept", "--sample", first, "--note", "clear case");
        assertThat(accepted.path("status").asText()).isEqualTo("accepted");
        assertThat(accepted.path("note").asText()).isEqualTo("clear case");
        JsonNode edited = decide("edit", "--sample", second, "--label", "pin_blocked");
        assertThat(edited.path("status").asText()).isEqualTo("edited");
        assertThat(edited.path("label").asText()).isEqualTo("pin_blocked");

        JsonNode undone = decide("undo");
        assertThat(undone.path("samples").get(0).path("sample").asLong())
                .isEqualTo(samples.get(1).id());
        assertThat(undone.path("samples").get(0).path("status").asText()).isEqualTo("undecided");
        assertThat(decide("redo").path("samples").get(0).path("status").asText())
                .isEqualTo("edited");

        try (Project project = new H2ProjectOpener().open(file)) {
            assertThat(project.decisions().current(samples.get(0).id()))
                    .get()
                    .extracting(Decision::status)
                    .isEqualTo(DecisionStatus.ACCEPTED);
            assertThat(project.decisions().current(samples.get(1).id()))
                    .get()
                    .extracting(Decision::editedLabel)
                    .isEqualTo("pin_blocked");
            assertThat(project.decisions().edits(samples.get(1).runId()))
                    .singleElement()
                    .extracting(io.siftbench.model.review.DecisionStore.Edit::originalLabel)
                    .isEqualTo(samples.get(1).label());
        }
    }

    @Test
    void badInputIsRefusedInOneLineAndRecordsNothing() throws Exception {
        String id = String.valueOf(samples.get(0).id());

        assertRefused(
                "siftbench: label 'no_such_intent' is not one of run "
                        + samples.get(0).runId() + "'s labels: " + String.join(", ", RunFixture.LABELS),
                "edit",
                "--sample",
                id,
                "--label",
                "no_such_intent");
        assertRefused("siftbench: edit needs --text T or --label L", "edit", "--sample", id);
        assertRefused("siftbench: there is no sample 424242 in " + file, "accept", "--sample", "424242");
        assertRefused("siftbench: there is nothing to undo in " + file, "undo");

        try (Project project = new H2ProjectOpener().open(file)) {
            assertThat(project.decisions().history(samples.get(0).id())).isEmpty();
        }
    }

    private JsonNode decide(String... args) throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 60, command(args));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return JSON.readTree(result.stdout());
    }

    private void assertRefused(String reason, String... args) throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 60, command(args));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip()).isEqualTo(reason);
    }

    private String[] command(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "decide";
        all[1] = "--project";
        all[2] = file.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }
}
