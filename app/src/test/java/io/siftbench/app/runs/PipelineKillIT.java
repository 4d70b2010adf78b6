package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test of a pipeline run: the question → answer example of the real jar, 60 questions then their 60
 * answers, killed with SIGKILL four times at random points in either step and resumed each time by its first step's run. In the
 * end each step has exactly its 60 samples, no slot twice, every answer names its own question, and every sample
 * committed before a kill is unchanged.
 */
class PipelineKillIT {

    private static final int QUESTIONS = 60;
    private static final int KILLS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "docs", "examples").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void killedInEitherStepAndResumedGivesExactlyEachStepsSamplesWithNothingLostOrTwice() throws Exception {
        Path project = dir.resolve("pipeline-kill.mv.db");
        for (String[] add : List.of(
                new String[] {"prompt", "question-writer.prompt.json"},
                new String[] {"prompt", "answerer.prompt.json"},
                new String[] {"pipeline", "question-answer.pipeline.json"})) {
            JarProcess.Result added = JarProcess.run(
                    dir,
                    120,
                    add[0],
                    "add",
                    "--project",
                    project.toString(),
                    "--file",
                    EXAMPLES.resolve(add[1]).toString());
            assertThat(added.exitCode()).as(added.stderr()).isZero();
        }

        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            // A question is numbered by its slot's topic and seed-derived request, an answer repeats its question:
            // both a few milliseconds late, so that a kill lands while requests are in flight.
            server.always(LoopbackServer.after(Duration.ofMillis(3), LoopbackServer.answering(request -> {
                String asked = LoopbackServer.lastUserMessage(request);
                String text = asked.startsWith("Topic: ")
                        ? "Q " + request.path("seed").asText() + " on " + asked.substring(7)
                        : "answer to " + asked;
                return "{\"text\": \"" + text + "\"}";
            })));
            Random random = new Random(20261204);
            Map<Long, Sample> committed = new HashMap<>();
            List<String> figures = new ArrayList<>();
            List<Long> answersAtKills = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                int before = server.chatRequests();
                // 4 kills of at most 30 requests each stay short of the 120 requests: every kill lands mid-run,
                // the early ones in the questions, the later ones in the answers.
                int killAfter = before + 24 + random.nextInt(6);
                Process run = kill == 0
                        ? JarProcess.start(
                                dir,
                                "run",
                                "--project",
                                project.toString(),
                                "--pipeline",
                                "question-answer",
                                "--backend",
                                "openai:" + server.url(),
                                "--model",
                                "tiny",
                                "--samples",
                                String.valueOf(QUESTIONS),
                                "--concurrency",
                                "4")
                        : JarProcess.start(dir, "run", "--project", project.toString(), "--resume", "1");
                run.getInputStream().close();
                run.getErrorStream().close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (server.chatRequests() < killAfter && run.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                assertThat(run.isAlive())
                        .as("pipeline run still going at kill %d", kill + 1)
                        .isTrue();
                run.destroyForcibly(); // SIGKILL
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

                Map<Long, Sample> now = samples(project);
                assertThat(now.values())
                        .extracting(s -> s.runId() + "|" + s.slot().key())
                        .doesNotHaveDuplicates();
                int killNumber = kill + 1;
                committed.forEach((id, sample) -> assertThat(now.get(id))
                        .as("sample %d after kill %d", id, killNumber)
                        .isEqualTo(sample));
                committed.putAll(now);
                long answersNow = now.values().stream()
                        .filter(sample -> sample.slot().parentSampleId() != null)
                        .count();
                answersAtKills.add(answersNow);
                figures.add("kill " + killNumber + " after " + killAfter + " requests: " + now.size()
                        + " samples committed, " + answersNow + " of them answers");
            }

            assertThat(answersAtKills)
                    .as("some kills landed in the answer step")
                    .anyMatch(n -> n > 0 && n < QUESTIONS);

            JarProcess.Result last = JarProcess.run(dir, 300, "run", "--project", project.toString(), "--resume", "1");
            assertThat(last.exitCode()).as(last.stderr()).isZero();
            JsonNode summary = JSON.readTree(last.stdout());
            assertThat(summary.path("status").asText()).isEqualTo("completed");

            try (Project p = new H2ProjectOpener().open(project)) {
                List<RunInfo> runs = p.runs().list();
                assertThat(runs).as("one run per step").hasSize(2);
                // By the summary: after a kill the database may leave gaps in the ids it gives.
                List<Sample> questions = p.samples()
                        .list(summary.path("steps").get(0).path("run").asLong(), 0, QUESTIONS * 2);
                List<Sample> answers = p.samples()
                        .list(summary.path("steps").get(1).path("run").asLong(), 0, QUESTIONS * 2);
                assertThat(questions).hasSize(QUESTIONS).noneMatch(Sample::failed);
                assertThat(answers).hasSize(QUESTIONS).noneMatch(Sample::failed);
                Map<Long, Sample> byId = new HashMap<>();
                questions.forEach(q -> byId.put(q.id(), q));
                assertThat(answers).extracting(a -> a.slot().parentSampleId()).doesNotHaveDuplicates();
                assertThat(answers).allSatisfy(a -> assertThat(a.text())
                        .isEqualTo("answer to "
                                + byId.get(a.slot().parentSampleId()).text()));
            }
            committed.forEach(
                    (id, sample) -> assertThat(samples(project).get(id)).isEqualTo(sample));
            System.out.println("pipeline kill test, seed 20261204: requests sent " + server.chatRequests() + " for "
                    + 2 * QUESTIONS + " samples");
            figures.forEach(f -> System.out.println("  " + f));
        }
    }

    private static Map<Long, Sample> samples(Path file) {
        try (Project project = new H2ProjectOpener().open(file)) {
            Map<Long, Sample> byId = new HashMap<>();
            for (RunInfo run : project.runs().list()) {
                project.samples().list(run.id(), 0, QUESTIONS * 4).forEach(s -> byId.put(s.id(), s));
            }
            return byId;
        }
    }
}
