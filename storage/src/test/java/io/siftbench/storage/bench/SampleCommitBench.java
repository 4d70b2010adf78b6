package io.siftbench.storage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What committing one sample costs the machine: a run's samples stored one transaction each, as a run stores them
 * (each on disk when it returns), into a real project file, on one thread. Prints the process CPU per sample (every
 * thread of the JVM: H2's own included), the figure that competes with a local model for the cores; and the same
 * samples committed 256 at a time, as a batch import stores them. Run with
 * {@code mvn -Pbench verify -pl storage -am -Dtest=SampleCommitBench}.
 */
class SampleCommitBench {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 3_000);
    private static final int GROUP = 256;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String SYSTEM = "You label banking questions. Pick the one intent that fits: card_arrival,"
            + " lost_or_stolen_card, exchange_rate, top_up_failed, pin_blocked, refund_not_showing_up,"
            + " transfer_timing, cash_withdrawal_charge. Answer with JSON.";

    @TempDir
    Path dir;

    @Test
    void aSampleCommitsForAFewHundredMicrosecondsOfCpu() throws Exception {
        // The baseline, in the same run: a project whose text values all go to H2's LOB store, as before V19.
        Path inline = project("inline", null);
        Path lobs = project("lobs", 256);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path grouped = project("grouped", null);
        double bestInline = Double.MAX_VALUE;
        double bestLobs = Double.MAX_VALUE;
        double bestGrouped = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            // Interleaved, so that warming up and the machine's other work fall on all.
            for (Path file : List.of(inline, lobs, grouped)) {
                try (Project project = new H2ProjectOpener().open(file)) {
                    long run = project.runs()
                            .create(new RunConfig(
                                    project.prompts().list().get(0).id(),
                                    PromptMode.ANNOTATE,
                                    new BackendRef("openai", "http://127.0.0.1:1/v1", "bench"),
                                    "{}",
                                    null,
                                    7,
                                    1,
                                    SAMPLES,
                                    1,
                                    "{}"));
                    long cpu = os.getProcessCpuTime();
                    long start = System.nanoTime();
                    if (file == grouped) {
                        // As a batch import stores them: 256 samples a commit.
                        for (int from = 0; from < SAMPLES; from += GROUP) {
                            List<Sample> group = new java.util.ArrayList<>(GROUP);
                            for (int i = from; i < Math.min(SAMPLES, from + GROUP); i++) {
                                group.add(sample(run, i));
                            }
                            project.samples().addAll(group);
                        }
                    } else {
                        for (int i = 0; i < SAMPLES; i++) {
                            project.samples().add(sample(run, i));
                        }
                    }
                    double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / SAMPLES;
                    double wallMs = (System.nanoTime() - start) / 1e6 / SAMPLES;
                    String what;
                    if (file == inline) {
                        bestInline = Math.min(bestInline, cpuMs);
                        what = "inline, a commit a sample";
                    } else if (file == lobs) {
                        bestLobs = Math.min(bestLobs, cpuMs);
                        what = "LOB store, a commit a sample";
                    } else {
                        bestGrouped = Math.min(bestGrouped, cpuMs);
                        what = "inline, " + GROUP + " samples a commit";
                    }
                    System.out.printf(
                            "SampleCommitBench: round %d, %s: %.3f ms of process CPU and %.3f ms wall a sample%n",
                            round + 1, what, cpuMs, wallMs);
                    assertThat(project.samples().count(run)).isEqualTo(SAMPLES);
                }
            }
        }
        System.out.printf(
                "SampleCommitBench: %d samples a round, best %.3f ms CPU a sample inline, %.3f ms in the LOB store:"
                        + " ratio %.2f%n",
                SAMPLES, bestInline, bestLobs, bestInline / bestLobs);
        System.out.printf(
                "SampleCommitBench: %d samples a commit, best %.3f ms CPU a sample: %.2f of one commit a sample%n",
                GROUP, bestGrouped, bestGrouped / bestInline);
    }

    /** A project with one annotate prompt; {@code inlineLimit}, when given, replaces the project's own setting. */
    private Path project(String name, Integer inlineLimit) throws Exception {
        Path file = dir.resolve(name + ".mv.db");
        RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        if (inlineLimit != null) {
            String base = file.toString().substring(0, file.toString().length() - ".mv.db".length());
            try (var c = java.sql.DriverManager.getConnection("jdbc:h2:" + base, "sa", "")) {
                c.createStatement().execute("SET MAX_LENGTH_INPLACE_LOB " + inlineLimit);
            }
        }
        return file;
    }

    /** An annotate sample as a run stores it: the rendered messages, the parameters, the model's answer. */
    private static Sample sample(long run, int i) {
        Sample s = RunFixture.sample(run, PromptMode.ANNOTATE, i);
        Slot slot = new Slot(
                "record=" + (i + 1),
                i,
                (long) (i + 1),
                Map.of(),
                List.of(),
                List.of(
                        Message.system(SYSTEM),
                        Message.user("Q: where is card number " + i + " - it has not arrived yet?\nA:")));
        return new Sample(
                0,
                run,
                slot,
                s.model(),
                "{\"temperature\":0.7,\"topP\":0.95,\"maxTokens\":512,\"seed\":" + (1000 + i) + "}",
                (long) (1000 + i),
                "{\"label\": \"card_arrival\"}",
                "card_arrival",
                null,
                null,
                null,
                "{\"label\":\"card_arrival\"}",
                true,
                null,
                List.of(),
                20,
                6,
                50L,
                "stop",
                null,
                null);
    }
}
