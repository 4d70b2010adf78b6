package io.siftbench.storage.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a file that a process left when it was killed with a transaction under way (a real child process,
 * really killed): H2 must roll the transaction back before the file can be read, which a read-only look cannot.
 */
class CrashedProjectOpeningTest {

    @TempDir
    Path dir;

    /**
     * H2 writes a new file in the background, so a process killed while migrating a new project could leave a
     * half-made schema that every later opening refused as "not a Siftbench project"; how often depends on how
     * slow the migration is on a loaded machine. Now the project appears only when its schema is whole.
     */
    @Test
    void projectKilledWhileBeingCreatedOpensAfterwards() throws Exception {
        // Kills spread over the time a creation takes, up to just after the schema is complete.
        long creation = KilledWriter.killedWhileCreating(dir.resolve("timed.mv.db"), 60_000);
        assertThat(creation).isNotNegative();
        java.util.Random random = new java.util.Random(20261202);
        List<String> moments = new ArrayList<>();
        for (int kill = 1; kill <= 10; kill++) {
            Path file = dir.resolve("new-" + kill + ".mv.db");
            long at = 1 + (long) (random.nextDouble() * creation * 1.1);
            boolean created = KilledWriter.killedWhileCreating(file, at) >= 0;
            moments.add(at + " ms" + (created ? " (created)" : ""));
            try (Project project = new H2ProjectOpener().open(file)) {
                assertThat(project.datasets().list())
                        .as("a new project killed %d ms into its creation opens empty", at)
                        .isEmpty();
            }
            assertThat(leftovers())
                    .as("nothing half made left beside the project")
                    .isEmpty();
        }
        System.out.println("creation " + creation + " ms, killed at " + moments);
    }

    @Test
    void importKilledWhileCommittingIsRecoveredAndEverythingCommittedIsKept() throws Exception {
        Path file = dir.resolve("killed.mv.db");
        long version = RunFixture.promptVersion(file, "kept", PromptMode.SYNTHESIZE);
        execute(
                file,
                "INSERT INTO run (prompt_version_id, mode, backend_kind, backend_location, config, seed,"
                        + " concurrency, target, status) VALUES (" + version
                        + ", 'synthesize', 'openai', 'http://127.0.0.1:1',"
                        + " '{}', 7, 1, 10, 'running')");
        KilledWriter.killedWhileCommitting(file, "DS_77");

        try (Project project = new H2ProjectOpener().open(file)) {
            assertThat(project.datasets().list())
                    .as("the killed import's table has no catalog row")
                    .isEmpty();
            assertThat(project.runs().list())
                    .extracting(RunInfo::promptName, RunInfo::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("kept", RunStatus.INTERRUPTED));
        }
        assertThat(tables(file)).doesNotContain("DS_77");
        assertThat(leftovers()).as("the recovery copy is gone").isEmpty();
    }

    @Test
    void strangerH2FileNeedingRecoveryIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("stranger.mv.db");
        execute(file, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100))");
        KilledWriter.killedWhileCommitting(file, "ORDERS");
        String before = sha256(file);

        assertThatThrownBy(() -> new H2ProjectOpener().open(file))
                .isInstanceOf(ProjectException.class)
                .hasMessage(file + " is an H2 database but not a Siftbench project.");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void newerProjectNeedingRecoveryIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("future.mv.db");
        new H2ProjectOpener().open(file).close();
        execute(
                file,
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                        + " \"script\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future', 'SQL',"
                        + " 'V99__future.sql', 'sa', 1, TRUE)");
        KilledWriter.killedWhileCommitting(file, "DS_5");
        String before = sha256(file);

        assertThatThrownBy(() -> new H2ProjectOpener().open(file))
                .isInstanceOf(ProjectException.class)
                .hasMessage(file + " was made by a newer Siftbench (schema 99; this version knows up to "
                        + H2ProjectOpener.latestKnownVersion() + "). Update Siftbench to open it.");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void runThatSaysRunningInAProjectStillOpenInThisProcessIsLeftRunning() throws Exception {
        Path file = dir.resolve("open.mv.db");
        long version = RunFixture.promptVersion(file, "live", PromptMode.SYNTHESIZE);
        try (Project first = new H2ProjectOpener().open(file)) {
            execute(
                    file,
                    "INSERT INTO run (prompt_version_id, mode, backend_kind, backend_location, config, seed,"
                            + " concurrency, target, status) VALUES (" + version + ", 'synthesize', 'openai',"
                            + " 'http://127.0.0.1:1', '{}', 7, 1, 10, 'running')");
            try (Project second = new H2ProjectOpener().open(file)) {
                assertThat(second.runs().list()).extracting(RunInfo::status).containsExactly(RunStatus.RUNNING);
            }
        }
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".recovery-check-")
                            || p.getFileName().toString().startsWith(".creating-"))
                    .toList();
        }
    }

    private static List<String> tables(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(true), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(false), "sa", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
