package io.siftbench.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.cli.Cli;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.SampleFields;
import io.siftbench.model.student.StudentSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student's label doubts as curation flags, on a real annotate run of banking77 questions with four planted
 * wrong labels: none before they are found; once found, exactly the doubted samples carry "label doubt" with the
 * student's reason, "reject all flagged by label doubt" rejects exactly those in one action that one undo takes back,
 * and {@code export --flag label-doubt} writes exactly those.
 */
class LabelDoubtCurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void foundDoubtsFlagTheirSamplesForTheCardRejectAllAndExport() throws Exception {
        DoubtfulRun made = DoubtfulRun.make(dir);
        Map<Long, LabelDoubt> doubted;
        try (Project project = new H2ProjectOpener().open(made.file())) {
            long run = made.runId();
            RunCuration curation =
                    new RunCuration(project.runSources(), project.decisions(), CurationSettings.defaults());
            assertThat(curation.report(run).flaggedBy(FlagKind.LABEL_DOUBT))
                    .as("doubts never found flag nothing")
                    .isEmpty();

            List<LabelDoubt> verdicts = new ProjectStudent(
                            project.runSources(),
                            project.metricSnapshots(),
                            () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                            StudentSettings.DEFAULT)
                    .doubts(run, SampleFields.DEFAULT, InsightsProgress.NONE);
            doubted = ProjectStudent.byId(
                    verdicts.stream().filter(LabelDoubt::doubted).toList());
            List<SampleText> samples =
                    RunSamples.load(project.runSources(), run).samples();
            Set<Long> planted = samples.stream()
                    .filter(s -> made.wrong().containsKey(s.text()))
                    .map(SampleText::id)
                    .collect(Collectors.toSet());
            assertThat(planted).hasSize(4);
            System.out.printf(
                    "label doubts on 80 banking77 questions with 4 planted wrong labels: %d flagged, %d of them planted%n",
                    doubted.size(),
                    planted.stream().filter(doubted::containsKey).count());
            assertThat(doubted.keySet())
                    .as("every planted label is doubted, and few of the 76 right ones")
                    .containsAll(planted)
                    .hasSizeLessThanOrEqualTo(8);
            for (long id : planted) {
                SampleText sample =
                        samples.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
                assertThat(doubted.get(id).suggested())
                        .as("the student suggests the gold label")
                        .isEqualTo(made.gold().get(sample.text()));
            }

            var report = curation.report(run);
            assertThat(report.flaggedBy(FlagKind.LABEL_DOUBT)).containsExactlyInAnyOrderElementsOf(doubted.keySet());
            long first = planted.iterator().next();
            assertThat(RunCuration.withFlags(project.review().items(run), report).stream()
                            .filter(item -> item.sampleId() == first)
                            .findFirst()
                            .orElseThrow()
                            .flags())
                    .contains("label doubt: " + doubted.get(first).reason());
            assertThat(doubted.get(first).reason())
                    .matches("student suggests \\w+ \\(0\\.\\d\\d\\) over \\w+ \\(0\\.\\d\\d\\)");

            // Fixing one doubted label (an edit to the suggestion) ends its doubt and leaves the others standing.
            long fixed = planted.iterator().next();
            project.decisions()
                    .decide(List.of(
                            Decision.edit(fixed, null, doubted.get(fixed).suggested(), "fixed")));
            assertThat(curation.report(run).flaggedBy(FlagKind.LABEL_DOUBT))
                    .as("the other doubts still stand after one label is fixed")
                    .containsExactlyInAnyOrderElementsOf(
                            doubted.keySet().stream().filter(id -> id != fixed).toList());
            project.decisions().undo();

            DecisionAction rejected =
                    curation.rejectAllFlaggedBy(run, FlagKind.LABEL_DOUBT).orElseThrow();
            assertThat(rejected.sampleIds()).containsExactlyInAnyOrderElementsOf(doubted.keySet());
            for (long id : doubted.keySet()) {
                assertThat(project.decisions().current(id))
                        .get()
                        .satisfies(d -> assertThat(d.status()).isEqualTo(DecisionStatus.REJECTED))
                        .satisfies(d -> assertThat(d.note()).startsWith("label doubt: student suggests"));
            }
            assertThat(samples.stream().filter(s -> !doubted.containsKey(s.id())))
                    .allSatisfy(
                            s -> assertThat(project.decisions().current(s.id())).isEmpty());

            project.decisions().undo();
            assertThat(doubted.keySet())
                    .allSatisfy(
                            id -> assertThat(project.decisions().current(id)).isEmpty());
            assertThat(curation.report(run).flaggedBy(FlagKind.LABEL_DOUBT))
                    .as("the labels are as the doubts were found for again: the flags are back")
                    .containsExactlyInAnyOrderElementsOf(doubted.keySet());
        }

        // The command line, on the project closed: --flag label-doubt writes exactly the doubted samples.
        List<JsonNode> only = exported(made, "doubted.jsonl", "--flag", FlagKind.LABEL_DOUBT.id());
        assertThat(only.stream().map(line -> line.get("id").asLong()))
                .containsExactlyInAnyOrderElementsOf(doubted.keySet());
        assertThat(only).allSatisfy(line -> assertThat(texts(line.get("flags"))).contains(FlagKind.LABEL_DOUBT.id()));
        List<JsonNode> all = exported(made, "all.jsonl");
        assertThat(all).hasSize(80);
        assertThat(all.stream()
                        .filter(line -> !doubted.containsKey(line.get("id").asLong()))
                        .flatMap(line -> texts(line.get("flags")).stream()))
                .as("the samples not doubted carry no such flag")
                .doesNotContain(FlagKind.LABEL_DOUBT.id());
    }

    /** The lines {@code export --status all} (every sample, decided or not) writes of the run, with {@code more}. */
    private List<JsonNode> exported(DoubtfulRun made, String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "export",
                "--project",
                made.file().toString(),
                "--run",
                String.valueOf(made.runId()),
                "--format",
                "jsonl",
                "--status",
                "all",
                "--out",
                out.toString()));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        assertThat(Cli.execute(
                        new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true),
                        args.toArray(String[]::new)))
                .as(err::toString)
                .isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
