package io.siftbench.storage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetQuery;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Import and browse at scale, against H2's own CSV reader on the same file in the same run. Run with
 * {@code mvn -B -Pbench verify -pl storage -am} (the bench profile gives the JVM {@code -Xmx256m});
 * {@code -Dbench.rows=N} changes the size (default 1,000,000 rows, about 150 MB).
 */
class ImportBench {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final String[] WORDS = {
        "card",
        "refund",
        "my",
        "the",
        "transfer",
        "why",
        "is",
        "pending",
        "account",
        "top-up",
        "declined",
        "\"urgent\"",
        "fee,",
        "exchange",
        "rate",
        "PIN",
        "app",
        "help"
    };
    private static final String[] LABELS = {
        "card_arrival",
        "refund_not_showing_up",
        "pending_transfer",
        "exchange_rate",
        "declined_card_payment",
        "top_up_failed",
        "lost_or_stolen_card",
        "pin_blocked"
    };

    @Test
    void importAndBrowseAMillionRows() throws Exception {
        Path dir = Files.createTempDirectory("siftbench-bench");
        try {
            Path csv = dir.resolve("bench.csv");
            Path jsonl = dir.resolve("bench.jsonl");
            generate(csv, jsonl);
            System.out.printf(
                    "bench: %,d rows; CSV %,d MB, JSONL %,d MB%n",
                    ROWS, Files.size(csv) >> 20, Files.size(jsonl) >> 20);

            try (Project project = new H2ProjectOpener().open(dir.resolve("project"))) {
                // The machine may be shared: each figure is the best of a few rounds, taken in turn, so
                // that a busy spell does not land on one side of a ratio only.
                double baseline = Double.MAX_VALUE;
                double csvSeconds = Double.MAX_VALUE;
                double jsonSeconds = Double.MAX_VALUE;
                long peak = 0;
                long oldPeak = 0;
                DatasetInfo info = null;
                for (int round = 1; round <= ROUNDS; round++) {
                    double roundBaseline = h2CsvRead(dir.resolve("baseline"), csv);
                    baseline = Math.min(baseline, roundBaseline);
                    resetPeaks();
                    HeapSampler heap = HeapSampler.start();
                    long start = System.nanoTime();
                    DatasetInfo imported = project.datasets()
                            .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                            .dataset();
                    double roundCsv = seconds(start);
                    csvSeconds = Math.min(csvSeconds, roundCsv);
                    peak = Math.max(peak, heap.stop());
                    oldPeak = Math.max(oldPeak, oldGenerationPeak());
                    assertThat(imported.rows()).isEqualTo(ROWS);
                    info = info == null ? imported : info;
                    start = System.nanoTime();
                    DatasetInfo fromJson = project.datasets()
                            .importFile(ImportOptions.of(jsonl), ImportProgress.NONE)
                            .dataset();
                    double roundJson = seconds(start);
                    jsonSeconds = Math.min(jsonSeconds, roundJson);
                    assertThat(fromJson.rows()).isEqualTo(ROWS);
                    System.out.printf(
                            "bench: round %d: baseline %.1f s, CSV import %.1f s, JSONL import %.1f s%n",
                            round, roundBaseline, roundCsv, roundJson);
                }
                System.out.printf(
                        "bench: H2 CREATE TABLE AS SELECT * FROM CSVREAD: %.1f s (baseline, best of %d)%n",
                        baseline, ROUNDS);
                System.out.printf(
                        "bench: Siftbench CSV import: %.1f s = %.2fx the baseline (goal <= 1.3x)%n",
                        csvSeconds, csvSeconds / baseline);
                System.out.printf(
                        "bench: peak heap in use during the CSV import: %d MB (garbage included; old generation"
                                + " %d MB) with -Xmx%dm, which it succeeded with (goal <= 256 MB)%n",
                        peak >> 20, oldPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf(
                        "bench: Siftbench JSONL import: %.1f s = %.2fx the CSV import (goal <= 2x)%n",
                        jsonSeconds, jsonSeconds / csvSeconds);

                pageFetches(project, info);
                search(project, info);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void pageFetches(Project project, DatasetInfo info) {
        Random random = new Random(3);
        int warmup = 20;
        int samples = 500;
        long[] nanos = new long[samples];
        for (int i = 0; i < warmup + samples; i++) {
            long offset = (long) (random.nextDouble() * (info.rows() - 100));
            long start = System.nanoTime();
            int got = project.datasets()
                    .page(info.id(), DatasetQuery.ALL, offset, 100)
                    .records()
                    .size();
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - start;
            }
            assertThat(got).isEqualTo(100);
        }
        Arrays.sort(nanos);
        System.out.printf(
                "bench: random 100-row page: p50 %.2f ms, p95 %.2f ms (goal p95 <= 50 ms)%n",
                nanos[samples / 2] / 1e6, nanos[samples * 95 / 100] / 1e6);
    }

    private static void search(Project project, DatasetInfo info) {
        DatasetQuery refunds = new DatasetQuery("refund", null, null, null, false);
        long start = System.nanoTime();
        long count = project.datasets().count(info.id(), refunds);
        int first =
                project.datasets().page(info.id(), refunds, 0, 100).records().size();
        System.out.printf(
                "bench: text search \"refund\": %,d matches, count and first page in %.2f s%n", count, seconds(start));
        assertThat(first).isEqualTo((int) Math.min(100, count));
    }

    /** The baseline: H2 reading the same CSV into an untyped table in a fresh database file. */
    private static double h2CsvRead(Path base, Path csv) throws SQLException {
        String url = new ProjectFile(base.resolveSibling("baseline" + ProjectFile.SUFFIX)).jdbcUrl(false);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("CREATE TABLE B AS SELECT * FROM CSVREAD('"
                    + csv.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')");
            double took = seconds(start);
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM B")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
            }
            s.execute("DROP TABLE B");
            return took;
        }
    }

    /** The same rows as CSV and as JSONL: id, a text of 20–400 characters with commas, quotes and line breaks, a label, a number. */
    private static void generate(Path csv, Path jsonl) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                BufferedWriter j = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            c.write("id,text,label,amount\n");
            StringBuilder text = new StringBuilder();
            for (int id = 1; id <= ROWS; id++) {
                // Mostly short texts, as in real data; the skew keeps the file near 150 MB.
                int length = 20 + (int) (380 * Math.pow(random.nextDouble(), 2.2));
                text.setLength(0);
                while (text.length() < length) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(40) == 0 ? '\n' : ' ');
                }
                text.setLength(length);
                String t = text.toString().strip();
                String label = LABELS[random.nextInt(LABELS.length)];
                String amount = (random.nextInt(100_000) / 100.0) + "";
                c.write(id + ",\"" + t.replace("\"", "\"\"") + "\"," + label + "," + amount + "\n");
                j.write("{\"id\":" + id + ",\"text\":\""
                        + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\",\"label\":\"" + label
                        + "\",\"amount\":" + amount + "}\n");
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Samples the heap in use every few milliseconds and keeps the highest. */
    private static final class HeapSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapSampler() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            peak = Math.max(
                                    peak,
                                    ManagementFactory.getMemoryMXBean()
                                            .getHeapMemoryUsage()
                                            .getUsed());
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

    /** What survived collections: young pools fill up to their size before every collection, garbage and all. */
    private static long oldGenerationPeak() {
        return heapPools()
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        new ImportBench().importAndBrowseAMillionRows();
    }
}
