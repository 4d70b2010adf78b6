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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test of a bootstrap step: the real jar grows a pool towards 60 instructions from the shipped seeds in rounds of
 * 12, killed with SIGKILL three times at random points and resumed each time. Every answer depends only on its
 * request (its seed and the pool members it shows), so the killed project must end with exactly the rounds, verdicts
 * and texts of the same pipeline run once without a kill, every sample committed before a kill unchanged.
 */
class BootstrapKillIT {

    private static final int KILLS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "docs", "examples").toAbsolutePath();
    private static final Pattern FIRST_DEMO = Pattern.compile("Task: (.*)\n");

    @TempDir
    Path dir;

    @Test
    void killedInAnyRoundAndResumedEndsWithTheRoundsOfARunNeverKilled() throws Exception {
        Path file = Files.writeString(
                dir.resolve("grow.pipeline.json"),
                """
                {"name": "grow", "steps": [
                  {"name": "instruction", "prompt": "instruction-writer", "input": "none",
                   "bootstrap": {"seeds": "dataset:instruction", "target": 60, "perRound": 12, "demonstrations": 3}}
                ]}
                """);
        Path killed = project("killed.mv.db", file);
        Path reference = project("reference.mv.db", file);

        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            // A quarter of the requests (by their seed) copy the first pool member shown; the others write words of
            // their own seed. A few milliseconds late, so that a kill lands while requests are in flight.
            server.always(LoopbackServer.after(Duration.ofMillis(3), LoopbackServer.answering(request -> {
                long seed = request.path("seed").asLong();
                Matcher demo = FIRST_DEMO.matcher(LoopbackServer.lastUserMessage(request));
                String text = Math.floorMod(seed, 4) == 0 && demo.find()
                        ? "Please " + demo.group(1)
                        : IntStream.rangeClosed(1, 6)
                                .mapToObj(k -> "s" + Math.abs(seed) + "w" + k)
                                .collect(Collectors.joining(" "));
                try {
                    return JSON.writeValueAsString(Map.of("text", text));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })));

            JarProcess.Result once = JarProcess.run(dir, 300, run(reference, server));
            assertThat(once.exitCode()).as(once.stderr()).isZero();
            JsonNode expected =
                    JSON.readTree(once.stdout()).path("steps").get(0).path("rounds");
            assertThat(expected.size()).as("several rounds to kill in").isGreaterThan(3);

            Random random = new Random(20261204);
            Map<Long, Sample> committed = new HashMap<>();
            List<String> figures = new ArrayList<>();
            long firstRound = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                int before = server.chatRequests();
                int killAfter = before + 12 + random.nextInt(12);
                Process process = kill == 0
                        ? JarProcess.start(dir, run(killed, server))
                        : JarProcess.start(
                                dir, "run", "--project", killed.toString(), "--resume", String.valueOf(firstRound));
                process.getInputStream().close();
                process.getErrorStream().close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (server.chatRequests() < killAfter && process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                assertThat(process.isAlive())
                        .as("still growing at kill %d", kill + 1)
                        .isTrue();
                process.destroyForcibly(); // SIGKILL
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

                Map<Long, Sample> now = samples(killed);
                assertThat(now.values())
                        .extracting(s -> s.runId() + "|" + s.slot().key())
                        .doesNotHaveDuplicates();
                int killNumber = kill + 1;
                committed.forEach((id, sample) -> assertThat(now.get(id))
                        .as("sample %d after kill %d", id, killNumber)
                        .isEqualTo(sample));
                committed.putAll(now);
                try (Project p = new H2ProjectOpener().open(killed)) {
                    firstRound = p.runs().list().stream()
                            .mapToLong(RunInfo::id)
                            .min()
                            .orElseThrow();
                    figures.add("kill " + killNumber + " after " + killAfter + " requests: " + now.size()
                            + " samples in " + p.runs().list().size() + " rounds");
                }
            }

            JarProcess.Result last = JarProcess.run(
                    dir, 300, "run", "--project", killed.toString(), "--resume", String.valueOf(firstRound));
            assertThat(last.exitCode()).as(last.stderr()).isZero();
            JsonNode rounds = JSON.readTree(last.stdout()).path("steps").get(0).path("rounds");
            assertThat(shape(rounds)).isEqualTo(shape(expected));
            assertThat(texts(killed)).isEqualTo(texts(reference));
            committed.forEach(
                    (id, sample) -> assertThat(samples(killed).get(id)).isEqualTo(sample));
            System.out.println("bootstrap kill test, seed 20261204: " + shape(rounds));
            figures.forEach(f -> System.out.println("  " + f));
        }
    }

    /** A project with the seeds, the prompt and the pipeline, added through the jar. */
    private Path project(String name, Path pipeline) throws Exception {
        Path project = dir.resolve(name);
        for (String[] add : List.of(
                new String[] {
                    "import",
                    "--file",
                    EXAMPLES.resolve("seed-instructions.jsonl").toString(),
                    "--name",
                    "seeds"
                },
                new String[] {
                    "prompt",
                    "add",
                    "--file",
                    EXAMPLES.resolve("instruction-writer.prompt.json").toString()
                },
                new String[] {"pipeline", "add", "--file", pipeline.toString()})) {
            List<String> args = new ArrayList<>(List.of(add));
            args.addAll(List.of("--project", project.toString()));
            JarProcess.Result added = JarProcess.run(dir, 120, args.toArray(String[]::new));
            assertThat(added.exitCode()).as(added.stderr()).isZero();
        }
        return project;
    }

    private static String[] run(Path project, LoopbackServer server) {
        return new String[] {
            "run",
            "--project",
            project.toString(),
            "--pipeline",
            "grow",
            "--dataset",
            "seeds",
            "--backend",
            "openai:" + server.url(),
            "--model",
            "tiny",
            "--concurrency",
            "4"
        };
    }

    /** Each round's counts, without the run and sample ids, which differ between two projects. */
    private static List<String> shape(JsonNode rounds) {
        List<String> out = new ArrayList<>();
        rounds.forEach(r -> out.add(r.path("round").asInt() + ": "
                + r.path("candidates").asInt() + " asked, "
                + r.path("added").asInt() + " added, " + r.path("tooSimilar").asInt() + " too similar, "
                + r.path("invalid").asInt() + " invalid, pool " + r.path("pool").asInt()));
        return out;
    }

    /** Every round's texts by round and slot. */
    private static Map<String, String> texts(Path file) {
        try (Project project = new H2ProjectOpener().open(file)) {
            Map<String, String> out = new HashMap<>();
            List<RunInfo> runs = new ArrayList<>(project.runs().list());
            runs.sort((a, b) -> Long.compare(a.id(), b.id()));
            for (int i = 0; i < runs.size(); i++) {
                int round = i + 1;
                project.samples()
                        .list(runs.get(i).id(), 0, 1000)
                        .forEach(s -> out.put(round + "/" + s.slot().ordinal(), s.text()));
            }
            return out;
        }
    }

    private static Map<Long, Sample> samples(Path file) {
        try (Project project = new H2ProjectOpener().open(file)) {
            Map<Long, Sample> byId = new HashMap<>();
            for (RunInfo run : project.runs().list()) {
                project.samples().list(run.id(), 0, 1000).forEach(s -> byId.put(s.id(), s));
            }
            return byId;
        }
    }
}
