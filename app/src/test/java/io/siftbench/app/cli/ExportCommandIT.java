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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siftbench export} with the real jar on a real curated project. */
class ExportCommandIT {

    @TempDir
    Path dir;

    private Path file;
    private List<Sample> samples;

    @BeforeEach
    void curatedStories() throws Exception {
        file = dir.resolve("stories.mv.db");
        samples = storeCuratedStories(file);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Six stories: 0, 1 accepted, 2 edited, 3 rejected, 4 and 5 undecided; 1 preferred to 3 in Compare. */
    private static List<Sample> storeCuratedStories(Path file) throws Exception {
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            List<Sample> stories = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 6);
            project.decisions()
                    .decide(List.of(
                            Decision.of(stories.get(0).id(), DecisionStatus.ACCEPTED, null),
                            Decision.of(stories.get(1).id(), DecisionStatus.ACCEPTED, null),
                            Decision.edit(stories.get(2).id(), "=SUM(A1) rewritten by hand", null, null),
                            Decision.of(stories.get(3).id(), DecisionStatus.REJECTED, null)));
            project.preferences().prefer(stories.get(1).id(), stories.get(3).id());
            return stories;
        }
    }

    @Test
    void exportsTheCuratedSamplesWithACard() throws Exception {
        Path out = dir.resolve("export").resolve("stories.csv");

        JsonNode summary = export("--format", "csv", "--out", out.toString());

        assertThat(summary.get("format").asText()).isEqualTo("csv");
        assertThat(summary.get("total").asInt()).isEqualTo(3);
        assertThat(summary.at("/written/all").asInt()).isEqualTo(3);
        assertThat(summary.at("/leftOut/demonstrations").asInt()).isZero();
        assertThat(summary.get("samples").asInt()).isEqualTo(6);
        assertThat(summary.at("/leftOut/status").asInt())
                .as("rejected 3, undecided 4 and 5")
                .isEqualTo(3);
        assertThat(summary.get("card").asText())
                .isEqualTo(out.resolveSibling("README.md").toAbsolutePath().toString());
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).contains("\"'=SUM(A1) rewritten by hand\"");
        assertThat(Files.readString(out.resolveSibling("README.md"))).contains("| all | `stories.csv` | 3 |");
    }

    @Test
    void everySampleOnAskAndPreferencePairsAsDpo() throws Exception {
        JsonNode all = export(
                "--format",
                "jsonl",
                "--status",
                "all",
                "--out",
                dir.resolve("all.jsonl").toString());
        assertThat(all.get("total").asInt()).isEqualTo(6);

        Path pairs = dir.resolve("pairs.jsonl");
        JsonNode dpo = export("--format", "dpo", "--out", pairs.toString());
        assertThat(dpo.get("total").asInt()).isEqualTo(2);
        List<String> lines = Files.readAllLines(pairs);
        assertThat(JSON.readTree(lines.get(0)).get("source").asText()).isEqualTo("compare");
        assertThat(JSON.readTree(lines.get(1)).get("chosen").asText()).isEqualTo("=SUM(A1) rewritten by hand");
    }

    @Test
    void failedRequestsAreInTheInspectionExportAndCountedInTheOthers() throws Exception {
        try (Project project = new H2ProjectOpener().open(file)) {
            Sample failed = RunFixture.sample(samples.get(0).runId(), PromptMode.SYNTHESIZE, 6);
            project.samples()
                    .add(new Sample(
                            0,
                            failed.runId(),
                            failed.slot(),
                            failed.model(),
                            failed.parameters(),
                            failed.seed(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            false,
                            null,
                            List.of(),
                            20,
                            null,
                            30L,
                            null,
                            "the backend answered 500: model not loaded",
                            null));
        }

        Path all = dir.resolve("all.jsonl");
        JsonNode inspection = export("--format", "jsonl", "--status", "all", "--out", all.toString());
        assertThat(inspection.get("total").asInt()).isEqualTo(7);
        assertThat(inspection.at("/leftOut/failed").asInt()).isZero();
        assertThat(JSON.readTree(Files.readAllLines(all).get(6))
                        .at("/provenance/error")
                        .asText())
                .isEqualTo("the backend answered 500: model not loaded");

        JsonNode chat = export(
                "--format",
                "chat",
                "--status",
                "all",
                "--out",
                dir.resolve("chat.jsonl").toString());
        assertThat(chat.get("total").asInt()).isEqualTo(6);
        assertThat(chat.get("samples").asInt()).isEqualTo(7);
        assertThat(chat.at("/leftOut/failed").asInt()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("nothing.jsonl");
        JarProcess.Result result = JarProcess.run(
                dir,
                60,
                "export",
                "--project",
                file.toString(),
                "--run",
                String.valueOf(samples.get(0).runId()),
                "--format",
                "parquet",
                "--out",
                out.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip())
                .isEqualTo("siftbench: 'parquet' is not an export format; one of jsonl,"
                        + " csv, alpaca, chat, dpo, classification");
        assertThat(out).doesNotExist();
    }

    private JsonNode export(String... args) throws Exception {
        String[] all = new String[args.length + 5];
        all[0] = "export";
        all[1] = "--project";
        all[2] = file.toString();
        all[3] = "--run";
        all[4] = String.valueOf(samples.get(0).runId());
        System.arraycopy(args, 0, all, 5, args.length);
        JarProcess.Result result = JarProcess.run(dir, 60, all);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return JSON.readTree(result.stdout());
    }
}
