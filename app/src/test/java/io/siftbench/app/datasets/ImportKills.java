package io.siftbench.app.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import kill test (issue #17): imports of a 500,000-row CSV and of a gzip JSONL by the real jar are killed
 * with SIGKILL at 10 seeded random moments (20 with -Dsiftbench.kills=20) each, spread over the measured time of an unkilled import. After each
 * kill the project opens (every fourth time in the CLI, otherwise through the same opener in this process) with
 * exactly the committed datasets, no dataset table without its dataset, and a fresh import stores its exact row
 * count. Before the fix, a store killed mid-import could not be read
 * ("This store is read-only") and every later command failed.
 * <p>
 * One IT class per format ({@link CsvImportKillIT}, {@link GzipJsonlImportKillIT}), so that the two run side by
 * side in the integration tests' two forks.
 */
abstract class ImportKills {

    /**
     * Ten in the suite, which keeps the whole run under its 15 minutes on two cores; {@code -Dsiftbench.kills=20}
     * gives the twenty of the crash-safety issue.
     */
    private static final int KILLS = Integer.getInteger("siftbench.kills", 10);

    static final int CSV_ROWS = 500_000;
    static final int JSONL_RECORDS = 80_000;
    private static final int SMALL_ROWS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    @TempDir
    Path dir;

    private static Path small;

    @BeforeAll
    static void smallFile() throws IOException {
        small = data.resolve("small.csv");
        try (Writer out = Files.newBufferedWriter(small, StandardCharsets.UTF_8)) {
            out.write("text,label\n");
            for (int i = 0; i < SMALL_ROWS; i++) {
                out.write("small " + i + ",s" + (i % 3) + "\n");
            }
        }
    }

    /** A 500,000-row CSV with quoted texts, labels and scores. */
    static Path bigCsv() throws IOException {
        Path csv = data.resolve("big.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,text,label,score\n");
            for (int i = 0; i < CSV_ROWS; i++) {
                out.write(i + ",\"message " + i + " about a card that has not arrived, pending transfer\",label_"
                        + (i % 77) + "," + (i % 1000) / 1000.0 + "\n");
            }
        }
        return csv;
    }

    /** A gzip JSONL of 80,000 records with a nested field. */
    static Path gzipJsonl() throws IOException {
        Path jsonl = data.resolve("dump.jsonl.gz");
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(jsonl)), StandardCharsets.UTF_8))) {
            for (int i = 0; i < JSONL_RECORDS; i++) {
                out.write(
                        "{\"id\": " + i + ", \"text\": \"record " + i + " asks about an exchange rate\", \"label\": \"l"
                                + (i % 13) + "\", \"meta\": {\"n\": " + i + "}}\n");
            }
        }
        return jsonl;
    }

    void killImports(Path big, int bigRows, long seed) throws Exception {
        // Every kill starts from a copy of the same committed project, so the file stays the size of one
        // import and each kill is checked against exactly what that project committed.
        Path base = dir.resolve("base.mv.db");
        Map<String, Long> committedInBase = new LinkedHashMap<>();
        importThroughCli(base, small, "small", SMALL_ROWS, committedInBase);
        Path timed = copyOf(base, "timed");
        long started = System.nanoTime();
        importThroughCli(timed, big, "big", bigRows, new LinkedHashMap<>(committedInBase));
        long fullMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        deleteProject(timed);

        Random random = new Random(seed);
        List<String> figures = new ArrayList<>();
        Map<String, Integer> phases = new TreeMap<>();
        Path project = null;
        Map<String, Long> committed = null;
        for (int kill = 1; kill <= KILLS; kill++) {
            if (project != null) {
                deleteProject(project);
            }
            project = copyOf(base, "killed-" + kill);
            committed = new LinkedHashMap<>(committedInBase);
            long at = 300 + (long) (random.nextDouble() * fullMillis);
            long killStarted = System.nanoTime();
            String name = "killed-" + kill;
            Path err = dir.resolve("import-" + kill + ".err");
            Process run = new ProcessBuilder(JarProcess.command(
                            dir, "import", "--project", project.toString(), "--file", big.toString(), "--name", name))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            boolean exitedFirst = run.waitFor(at, TimeUnit.MILLISECONDS);
            run.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no close
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String phase = exitedFirst ? "finished" : phase(Files.readAllLines(err), bigRows);
            phases.merge(phase, 1, Integer::sum);

            // Every fourth kill is opened by the CLI first, as a user would; the others by the same opener
            // in this process, which spares a Java start per kill and keeps the suite short.
            boolean throughCli = kill % 4 == 0;
            Map<String, Long> listed = throughCli ? datasetsThroughCli(project) : datasetsInProcess(project);
            if (listed.containsKey(name)) {
                // Killed after its commit: the import is whole or absent, never partial.
                assertThat(listed.get(name))
                        .as("rows of %s, killed after committing", name)
                        .isEqualTo(bigRows);
                committed.put(name, (long) bigRows);
            }
            assertThat(listed)
                    .as("datasets after kill %d at %d ms (%s)", kill, at, phase)
                    .isEqualTo(committed);
            assertThat(datasetTables(project))
                    .as("dataset tables after kill %d", kill)
                    .isEqualTo(committed.size());
            if (throughCli) {
                importThroughCli(project, small, "fresh-" + kill, SMALL_ROWS, committed);
            } else {
                importInProcess(project, small, "fresh-" + kill, SMALL_ROWS, committed);
            }
            figures.add(String.format(
                    "kill %d at %d ms (%s, opened %s): %d datasets committed, %.1f s",
                    kill,
                    at,
                    phase,
                    throughCli ? "by the CLI" : "in process",
                    committed.size(),
                    (System.nanoTime() - killStarted) / 1e9));
        }
        // The last killed project, with its fresh import, lists the same through the CLI.
        assertThat(datasetsThroughCli(project)).isEqualTo(committed);

        System.out.println("import kill test, " + big.getFileName() + ", seed " + seed + ", unkilled import "
                + fullMillis + " ms, phases " + phases);
        figures.forEach(f -> System.out.println("  " + f));
    }

    /** Where the killed import was, from its last progress line on stderr. */
    private static String phase(List<String> progress, int bigRows) {
        List<String> lines =
                progress.stream().filter(l -> l.contains(" rows, ")).toList();
        if (lines.isEmpty()) {
            return "opening or reading the first rows";
        }
        String last = lines.get(lines.size() - 1);
        if (!last.startsWith("Storing")) {
            return "checking";
        }
        long rows = Long.parseLong(last.substring(last.indexOf(':') + 1, last.indexOf(" rows"))
                .trim()
                .replace(",", ""));
        return rows >= bigRows * 0.98 ? "committing" : "storing";
    }

    private void importThroughCli(Path project, Path file, String name, long rows, Map<String, Long> committed)
            throws Exception {
        JarProcess.Result result = JarProcess.run(
                dir, 600, "import", "--project", project.toString(), "--file", file.toString(), "--name", name);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(JSON.readTree(result.stdout()).path("rows").asLong()).isEqualTo(rows);
        committed.put(name, rows);
    }

    private static void importInProcess(Path project, Path file, String name, long rows, Map<String, Long> committed) {
        try (Project open = new H2ProjectOpener().open(project)) {
            ImportReport report =
                    open.datasets().importFile(ImportOptions.of(file).withName(name), ImportProgress.NONE);
            assertThat(report.dataset().rows()).isEqualTo(rows);
        }
        committed.put(name, rows);
    }

    private Map<String, Long> datasetsThroughCli(Path project) throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 300, "datasets", "--project", project.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Long> listed = new LinkedHashMap<>();
        for (JsonNode d : JSON.readTree(result.stdout())) {
            listed.put(d.path("name").asText(), d.path("rows").asLong());
        }
        return listed;
    }

    private static Map<String, Long> datasetsInProcess(Path project) {
        try (Project open = new H2ProjectOpener().open(project)) {
            Map<String, Long> listed = new LinkedHashMap<>();
            for (DatasetInfo d : open.datasets().list()) {
                listed.put(d.name(), d.rows());
            }
            return listed;
        }
    }

    private Path copyOf(Path project, String name) throws IOException {
        Path copy = dir.resolve(name + ProjectFile.SUFFIX);
        Files.copy(project, copy);
        return copy;
    }

    /** The project file and whatever H2 or the recovery check left beside it. */
    private void deleteProject(Path project) throws IOException {
        String stem = project.getFileName().toString().replace(ProjectFile.SUFFIX, "");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(stem + "."))
                    .toList()) {
                Files.delete(f);
            }
        }
    }

    /** Every typed dataset table in the file, whether or not a dataset names it. */
    private static int datasetTables(Path project) throws SQLException {
        try (Connection c = DriverManager.getConnection(new ProjectFile(project).jdbcUrl(true), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'DS\\_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
