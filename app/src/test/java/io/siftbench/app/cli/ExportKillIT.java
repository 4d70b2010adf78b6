package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.JarProcess;
import io.siftbench.model.export.ExportTarget;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's {@code export}, SIGKILLed at random moments (seeded, printed; {@code -Dexport.kill.seed=S}
 * repeats a run, {@code -Dexport.kill.count=N} sets the kills per case): the target folder must hold exactly
 * the earlier export, byte for byte, or exactly the new one, each file as an unkilled export writes it. What a
 * kill may leave beside them ({@value ExportTarget#PARTIAL_SUFFIX} files, the journal) goes when Siftbench
 * next touches the folder, which this test does through {@link ExportTarget#settle} as every export does first.
 */
class ExportKillIT {

    private static final int SAMPLES = 8_000;
    private static final int KILLS = Integer.getInteger("export.kill.count", 5);
    private static final long SEED = Long.getLong("export.kill.seed", System.currentTimeMillis());
    /** The new export of every case: split, with the rejected samples as negatives, and its card. */
    private static final List<String> NEW =
            List.of("--format", "jsonl", "--split", "0.8,0.1,0.1", "--seed", "2", "--rejected");

    @TempDir
    static Path dir;

    private static Path project;
    private static long run;
    private static final Random RANDOM = new Random(SEED);
    /** What the new export writes when it is not killed, and how long its phases took. */
    private static Unkilled reference;

    private static Map<String, byte[]> fresh;

    @BeforeAll
    static void aLargeCuratedRunAndItsUnkilledExport() throws Exception {
        System.out.println("ExportKillIT: seed " + SEED + " (-Dexport.kill.seed=" + SEED + " repeats it)");
        project = dir.resolve("large.mv.db");
        long version = RunFixture.promptVersion(project, "stories", PromptMode.SYNTHESIZE);
        try (Project open = new H2ProjectOpener().open(project)) {
            List<Sample> samples = RunFixture.run(open, version, PromptMode.SYNTHESIZE, SAMPLES);
            List<Decision> decisions = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                decisions.add(Decision.of(
                        samples.get(i).id(), i % 7 == 3 ? DecisionStatus.REJECTED : DecisionStatus.ACCEPTED, null));
            }
            open.decisions().decide(decisions);
            run = samples.get(0).runId();
        }
        reference = exportUnkilled("new", NEW);
        fresh = files(reference.folder());
        assertThat(fresh.keySet())
                .containsExactlyInAnyOrder(
                        "out-train.jsonl", "out-validation.jsonl", "out-test.jsonl", "out-rejected.jsonl", "README.md");
    }

    @Test
    void aKilledExportIntoAnEmptyFolderLeavesNothingOrTheWholeExport() throws Exception {
        killRepeatedly("fresh", Map.of());
    }

    @Test
    void aKilledExportOverAnEarlierOneOfTheSameShapeLeavesTheOldOrTheNew() throws Exception {
        killRepeatedly(
                "same shape",
                files(exportUnkilled(
                                "same-shape-old",
                                List.of("--format", "jsonl", "--split", "0.8,0.1,0.1", "--seed", "1", "--rejected"))
                        .folder()));
    }

    @Test
    void aKilledSplitExportOverAnUnsplitOneLeavesTheOldOrTheNew() throws Exception {
        killRepeatedly(
                "unsplit before",
                files(exportUnkilled("unsplit-old", List.of("--format", "jsonl", "--status", "all"))
                        .folder()));
    }

    /** Kills the new export at random moments, each time into a target holding the {@code old} export. */
    private void killRepeatedly(String name, Map<String, byte[]> old) throws Exception {
        assertThat(same(fresh, old)).as("the new export differs from the old").isFalse();
        Path target = dir.resolve(name.replace(' ', '-')).resolve("target");
        int oldSeen = 0;
        int settledSeen = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            reset(target, old);
            Moment moment = Moment.random();
            String reached = killAt(target, moment);
            String what = name + ", kill " + kill + " " + moment + " (" + reached + ")";

            List<String> leftovers = bookkeeping(target);
            boolean committed = leftovers.contains(ExportTarget.JOURNAL);
            // Only a kill while a committed export is put in place (the journal is there) may leave a mix.
            if (!committed) {
                assertOneOf(what + ", after the kill", exportFiles(target), List.of(old, fresh));
            }
            new ExportTarget(target).settle();
            assertThat(bookkeeping(target))
                    .as(what + ": leftovers once settled")
                    .isEmpty();
            Map<String, byte[]> settled = exportFiles(target);
            if (committed) {
                assertOneOf(what + ", once settled", settled, List.of(fresh));
            } else {
                assertOneOf(what + ", once settled", settled, List.of(old, fresh));
            }
            boolean isNew = same(settled, fresh);
            oldSeen += isNew ? 0 : 1;
            settledSeen += leftovers.isEmpty() ? 0 : 1;
            System.out.printf(
                    "ExportKillIT: %s: the %s export%s%n",
                    what,
                    isNew ? "new" : "old",
                    leftovers.isEmpty() ? "" : ", once what the kill left was settled: " + leftovers);
        }
        System.out.printf(
                "ExportKillIT: %s: %d kills, %d left the old export, %d the new one, %d left files" + " to settle%n",
                name, KILLS, oldSeen, KILLS - oldSeen, settledSeen);

        // What a kill while writing leaves, then an export run to its end: it settles the folder itself first.
        reset(target, old);
        Files.createDirectories(target);
        Files.writeString(target.resolve("out-train.jsonl" + ExportTarget.PARTIAL_SUFFIX), "{\"id\":1,");
        JarProcess.Result result = JarProcess.run(dir, 120, command(target, NEW));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(bookkeeping(target)).isEmpty();
        assertOneOf(name + ", exported again after a kill", exportFiles(target), List.of(fresh));
    }

    /** Fails, saying what the target holds, unless it holds exactly one of {@code allowed}. */
    private static void assertOneOf(String what, Map<String, byte[]> seen, List<Map<String, byte[]>> allowed) {
        assertThat(allowed.stream().anyMatch(a -> same(seen, a)))
                .as(
                        "%s: the target holds %s, not exactly %s (seed %d)",
                        what,
                        describe(seen),
                        allowed.stream().map(a -> a.keySet().toString()).toList(),
                        SEED)
                .isTrue();
    }

    /** Where an export is, told by its progress lines; the moment of a kill is timed from one of them. */
    private enum Phase {
        STARTED,
        WRITING_DATA,
        WRITING_CARD;

        /** Whether {@code line} is the first of this phase. */
        boolean begunBy(String line) {
            return switch (this) {
                case STARTED -> false;
                case WRITING_DATA -> line.matches("writing \\d.*");
                case WRITING_CARD -> line.startsWith("writing the dataset card");
            };
        }
    }

    /**
     * When to kill: {@code afterMillis} after the {@code phase} began in the killed export itself, because the
     * phases are short beside starting the JVM and reading the samples, whose time varies with the load.
     */
    private record Moment(Phase phase, long afterMillis) {

        /** A moment within a phase of the unkilled export, or a little after it: the whole run for STARTED. */
        static Moment random() {
            Phase phase = Phase.values()[RANDOM.nextInt(Phase.values().length)];
            long end = phase == Phase.WRITING_DATA ? reference.began(Phase.WRITING_CARD) : reference.doneAtMillis();
            return new Moment(phase, (long) (RANDOM.nextDouble() * (end - reference.began(phase)) * 1.1));
        }

        @Override
        public String toString() {
            return afterMillis + " ms after "
                    + (phase == Phase.STARTED
                            ? "the start"
                            : phase.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " began");
        }
    }

    /** An export run to its end, with when (from the start of the process) each phase began and it ended. */
    private record Unkilled(Path folder, Map<Phase, Long> began, long doneAtMillis) {

        long began(Phase phase) {
            return began.getOrDefault(phase, 0L);
        }
    }

    private static Unkilled exportUnkilled(String name, List<String> args) throws Exception {
        Path folder = dir.resolve(name);
        long start = System.nanoTime();
        Process process = JarProcess.start(dir, command(folder, args));
        Progress progress = new Progress(process, start);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("an unkilled export ends")
                .isTrue();
        long done = (System.nanoTime() - start) / 1_000_000;
        progress.join();
        assertThat(process.exitValue()).as(progress.lines().toString()).isZero();
        System.out.printf(
                "ExportKillIT: %s, unkilled: phases began at %s ms, done at %d ms%n", name, progress.began(), done);
        return new Unkilled(folder, progress.began(), done);
    }

    /** Starts the new export into {@code target} and SIGKILLs it at {@code moment}; returns its last progress. */
    private static String killAt(Path target, Moment moment) throws Exception {
        long start = System.nanoTime();
        Process process = JarProcess.start(dir, command(target, NEW));
        Progress progress = new Progress(process, start);
        progress.await(moment.phase());
        boolean ended = process.waitFor(moment.afterMillis(), TimeUnit.MILLISECONDS);
        // destroyForcibly is SIGKILL on Linux: no shutdown hook, no finally block runs.
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        progress.join();
        List<String> lines = progress.lines();
        String last = lines.isEmpty() ? "nothing printed" : lines.get(lines.size() - 1);
        return ended ? "it ended first: " + last : "last printed: " + last;
    }

    private static String[] command(Path target, List<String> args) {
        List<String> all = new ArrayList<>(List.of(
                "export",
                "--project",
                project.toString(),
                "--run",
                String.valueOf(run),
                "--out",
                target.resolve("out.jsonl").toString()));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    /** Reads the export's progress lines as they come, noting when each phase began. */
    private static final class Progress {
        private final List<String> lines = new ArrayList<>();
        private final Map<Phase, Long> began = new EnumMap<>(Phase.class);
        private final Map<Phase, CountDownLatch> reached = new EnumMap<>(Phase.class);
        private final Thread reader;
        private final Thread drain;

        Progress(Process process, long start) {
            for (Phase phase : Phase.values()) {
                reached.put(phase, new CountDownLatch(phase == Phase.STARTED ? 0 : 1));
            }
            began.put(Phase.STARTED, 0L);
            reader = new Thread(() -> {
                try (BufferedReader err =
                        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = err.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                            for (Phase phase : Phase.values()) {
                                if (!began.containsKey(phase) && phase.begunBy(line)) {
                                    began.put(phase, (System.nanoTime() - start) / 1_000_000);
                                    reached.get(phase).countDown();
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    // The process was killed: what it printed until then is enough.
                }
                // Ended: no phase is waited for any longer.
                reached.values().forEach(CountDownLatch::countDown);
            });
            drain = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // As above.
                }
            });
            reader.start();
            drain.start();
        }

        void await(Phase phase) throws InterruptedException {
            reached.get(phase).await(120, TimeUnit.SECONDS);
        }

        void join() throws InterruptedException {
            reader.join();
            drain.join();
        }

        Map<Phase, Long> began() {
            synchronized (lines) {
                return Map.copyOf(began);
            }
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }

    private static void reset(Path target, Map<String, byte[]> files) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> all = Files.walk(target)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        if (!files.isEmpty()) {
            Files.createDirectories(target);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(target.resolve(file.getKey()), file.getValue());
            }
        }
    }

    /** Every file in {@code folder} by name, with its bytes. */
    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> all = Files.list(folder)) {
                for (Path p : all.toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> exportFiles(Path folder) throws IOException {
        Map<String, byte[]> files = files(folder);
        files.keySet().removeIf(ExportKillIT::isBookkeeping);
        return files;
    }

    private static List<String> bookkeeping(Path folder) throws IOException {
        return files(folder).keySet().stream()
                .filter(ExportKillIT::isBookkeeping)
                .toList();
    }

    private static boolean isBookkeeping(String name) {
        return name.endsWith(ExportTarget.PARTIAL_SUFFIX) || name.equals(ExportTarget.JOURNAL);
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    private static String describe(Map<String, byte[]> files) {
        List<String> parts = new ArrayList<>();
        files.forEach((name, bytes) -> parts.add(name + " (" + bytes.length + " bytes)"));
        return parts.toString();
    }
}
