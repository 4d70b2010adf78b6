package io.siftbench.storage.bench;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetQuery;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import and browse at scale, against H2's own CSV reader on the same file in the same run. Run with
 * {@code mvn -B -Pbench verify -pl storage -am} (the bench profile gives the JVM {@code -Xmx256m});
 * {@code -Dbench.rows=N} changes the size (default 1,000,000 rows, about 150 MB).
 */
class ImportBench {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final String[] WORDS = {"card", "refund", "my", "the", "transfer", "why", "is", "pending",
            "account", "top-up", "declined", "\"urgent\"", "fee,", "exchange", "rate", "PIN", "app", "help"};
    private static final String[] LABELS = {"card_arrival", "refund_not_showing_up", "pending_transfer",
            "exchange_rate", "declined_card_payment", "top_up_failed", "lost_or_stolen_card", "pin_blocked"};

    @Test
    void importAndBrowseAMillionRows() throws Exception {
        Path dir = Files.createTempDirectory("siftbench-bench");
        try {
            Path csv = dir.resolve("bench.csv");
            Path jsonl = dir.resolve("bench.jsonl");
            generate(csv, jsonl);
            System.out.printf("bench: %,d rows; CSV %,d MB, JSONL %,d MB%n", ROWS, Files.size(csv) >> 20,
                    Files.size(jsonl) >> 20);

            double baseline = h2CsvRead(dir.resolve("baseline"), csv);
            System.out.printf("bench: H2 CREATE TABLE AS SELECT * FROM CSVREAD: %.1f s (baseline)%n", baseline);

            try (Project project = new H2ProjectOpener().open(dir.resolve("project"))) {
                resetPeaks();
                long start = System.nanoTime();
                DatasetInfo info = project.datasets().importFile(ImportOptions.of(csv), ImportProgress.NONE).dataset();
                double csvSeconds = seconds(start);
                long peak = peakHeap();
                assertThat(info.rows()).isEqualTo(ROWS);
                System.out.printf("bench: Siftbench CSV import: %.1f s = %.2fx the baseline (goal <= 1.3x)%n",
                        csvSeconds, csvSeconds / baseline);
                System.out.printf("bench: peak heap during the CSV import: %d MB of max %d MB (goal <= 256 MB)%n",
                        peak >> 20, Runtime.getRuntime().maxMemory() >> 20);

                start = System.nanoTime();
                DatasetInfo fromJson = project.datasets().importFile(ImportOptions.of(jsonl), ImportProgress.NONE)
                        .dataset();
                double jsonSeconds = seconds(start);
                assertThat(fromJson.rows()).isEqualTo(ROWS);
                System.out.printf("bench: Siftbench JSONL import: %.1f s = %.2fx the CSV import (goal <= 2x)%n",
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
            int got = project.datasets().page(info.id(), DatasetQuery.ALL, offset, 100).records().size();
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - start;
            }
            assertThat(got).isEqualTo(100);
        }
        Arrays.sort(nanos);
        System.out.printf("bench: random 100-row page: p50 %.2f ms, p95 %.2f ms (goal p95 <= 50 ms)%n",
                nanos[samples / 2] / 1e6, nanos[samples * 95 / 100] / 1e6);
    }

    private static void search(Project project, DatasetInfo info) {
        DatasetQuery refunds = new DatasetQuery("refund", null, null, null, false);
        long start = System.nanoTime();
        long count = project.datasets().count(info.id(), refunds);
        int first = project.datasets().page(info.id(), refunds, 0, 100).records().size();
        System.out.printf("bench: text search \"refund\": %,d matches, count and first page in %.2f s%n", count,
                seconds(start));
        assertThat(first).isEqualTo((int) Math.min(100, count));
    }

    /** The baseline: H2 reading the same CSV into an untyped table in a fresh database file. */
    private static double h2CsvRead(Path base, Path csv) throws SQLException {
        String url = new ProjectFile(base.resolveSibling("baseline" + ProjectFile.SUFFIX)).jdbcUrl(false);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("CREATE TABLE B AS SELECT * FROM CSVREAD('" + csv.toAbsolutePath().toString().replace("'", "''")
                    + "', NULL, 'charset=UTF-8')");
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
                j.write("{\"id\":" + id + ",\"text\":\"" + t.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", "\\n") + "\",\"label\":\"" + label + "\",\"amount\":" + amount + "}\n");
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
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
