package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test: a 2,000-sample run of the real jar is killed with SIGKILL at ten random points (twenty with -Dsiftbench.kills=20) and
 * resumed each time. After each kill {@code runs} says the run is interrupted, not running; in the end there
 * are exactly 2,000 samples, no slot twice, and every sample committed before a kill is unchanged.
 */
class RunKillIT {

    private static final int TARGET = 2_000;
    /**
     * Ten in the suite, which keeps the whole run under its 15 minutes on two cores; {@code -Dsiftbench.kills=20}
     * gives the twenty of the crash-safety issue.
     */
    private static final int KILLS = Integer.getInteger("siftbench.kills", 10);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killedTwentyTimesAndResumedGivesExactlyTheTargetWithNothingLostOrTwice() throws Exception {
        Path project = dir.resolve("kill.mv.db");
        Path prompt = dir.resolve("story.json");
        Files.writeString(
                prompt,
                """
                {"name": "story", "mode": "synthesize",
                 "task": {"role": "You write one-line stories.", "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}}", "user": "A story about {{condition.topic}} in a {{condition.mood}} mood."},
                 "conditions": [
                   {"name": "topic", "enabled": true, "values": [{"value": "dragons"}, {"value": "trains"}, {"value": "cats"}, {"value": "ships"}]},
                   {"name": "mood", "enabled": true, "values": [{"value": "sad"}, {"value": "happy"}, {"value": "odd"}]}],
                 "plan": {"kind": "random", "seed": 9},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}
                """);
        assertThat(JarProcess.run(
                                dir, 120, "prompt", "add", "--project", project.toString(), "--file", prompt.toString())
                        .exitCode())
                .isZero();

        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            // Answers take a few milliseconds, so that a kill lands while requests are in flight.
            server.always(LoopbackServer.after(
                    java.time.Duration.ofMillis(3),
                    LoopbackServer.answering(request -> "{\"text\": \""
                            + request.path("messages").get(1).path("content").asText() + " The end.\"}")));
            Random random = new Random(20261121);
            Map<Long, Sample> committed = new HashMap<>();
            List<Integer> countsAtKills = new ArrayList<>();
            List<String> figures = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                long killStarted = System.nanoTime();
                int before = server.chatRequests();
                // Kills of at most 100 requests each stay short of the 2,000 samples: every kill lands mid-run.
                int killAfter = before + 10 + random.nextInt(90);
                Process run = kill == 0
                        ? JarProcess.start(
                                dir,
                                "run",
                                "--project",
                                project.toString(),
                                "--prompt",
                                "story",
                                "--backend",
                                "openai:" + server.url(),
                                "--model",
                                "tiny",
                                "--samples",
                                String.valueOf(TARGET),
                                "--seed",
                                "7",
                                "--concurrency",
                                "8")
                        : JarProcess.start(dir, "run", "--project", project.toString(), "--resume", "1");
                run.getInputStream().close();
                run.getErrorStream().close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (server.chatRequests() < killAfter && run.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                assertThat(run.isAlive())
                        .as("run still going at kill %d", kill + 1)
                        .isTrue();
                run.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no goodbye
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

                // Every fourth kill the CLI is the first to open the project, as a user would; the others are
                // opened first through the same opener in this process, which spares a Java start per kill.
                // Either way the run nobody runs is found and said to be interrupted.
                int killNumber = kill + 1;
                boolean throughCli = killNumber % 4 == 0;
                String status;
                if (throughCli) {
                    JarProcess.Result runs = JarProcess.run(dir, 120, "runs", "--project", project.toString());
                    assertThat(runs.exitCode()).as(runs.stderr()).isZero();
                    status = JSON.readTree(runs.stdout()).get(0).path("status").asText();
                } else {
                    status = firstRunStatus(project);
                }
                assertThat(status).as("status after kill %d", killNumber).isEqualTo("interrupted");

                Map<Long, Sample> now = samples(project);
                assertThat(now.values()).extracting(s -> s.slot().key()).doesNotHaveDuplicates();
                committed.forEach((id, sample) -> assertThat(now.get(id))
                        .as("sample %d after kill %d", id, killNumber)
                        .isEqualTo(sample));
                committed.putAll(now);
                countsAtKills.add(now.size());

                figures.add(String.format(
                        "kill %d after %d requests: %d samples committed, %.1f s",
                        killNumber, killAfter, now.size(), (System.nanoTime() - killStarted) / 1e9));
            }

            JarProcess.Result last = JarProcess.run(dir, 300, "run", "--project", project.toString(), "--resume", "1");
            assertThat(last.exitCode()).as(last.stderr()).isZero();
            JsonNode summary = JSON.readTree(last.stdout());
            assertThat(summary.path("status").asText()).isEqualTo("completed");

            Map<Long, Sample> all = samples(project);
            assertThat(all).hasSize(TARGET);
            assertThat(all.values()).extracting(s -> s.slot().key()).doesNotHaveDuplicates();
            assertThat(all.values())
                    .extracting(s -> s.slot().ordinal() + "|" + s.conditions())
                    .doesNotHaveDuplicates();
            committed.forEach((id, sample) -> assertThat(all.get(id)).isEqualTo(sample));
            assertThat(all.values()).allSatisfy(s -> assertThat(s.text()).startsWith("A story about "));
            System.out.println("run kill test, seed 20261121: samples at the " + KILLS + " kills " + countsAtKills
                    + ", requests sent " + server.chatRequests() + " for " + TARGET + " samples");
            figures.forEach(f -> System.out.println("  " + f));
        }
    }

    private static String firstRunStatus(Path file) {
        try (Project project = new H2ProjectOpener().open(file)) {
            return project.runs().list().get(0).status().id();
        }
    }

    private static Map<Long, Sample> samples(Path file) {
        try (Project project = new H2ProjectOpener().open(file)) {
            Map<Long, Sample> byId = new HashMap<>();
            project.samples().list(1, 0, TARGET * 2).forEach(s -> byId.put(s.id(), s));
            return byId;
        }
    }
}
