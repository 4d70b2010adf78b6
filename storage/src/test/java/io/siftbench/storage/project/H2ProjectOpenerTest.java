package io.siftbench.storage.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ProjectOpenerTest {

    private static final List<String> SCHEMA_TABLES = List.of(
            "PROJECT_INFO",
            "DATASET",
            "DATASET_COLUMN",
            "PROMPT",
            "PROMPT_VERSION",
            "BACKEND",
            "RUN",
            "SAMPLE",
            "DECISION",
            "PREFERENCE",
            "METRIC_SNAPSHOT",
            "RECORD_EMBEDDING");

    @TempDir
    Path dir;

    private final H2ProjectOpener opener = new H2ProjectOpener();

    @Test
    void newProjectGetsTheWholeSchemaInOneFile() throws SQLException {
        Path named = dir.resolve("banking");
        try (Project project = opener.open(named)) {
            assertThat(project.file()).isEqualTo(dir.resolve("banking.mv.db"));
            assertThat(project.datasets().list()).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("banking.mv.db"))).isTrue();
        assertThat(tables(dir.resolve("banking.mv.db"))).containsAll(SCHEMA_TABLES);
        assertThat(schemaVersion(dir.resolve("banking.mv.db")))
                .isEqualTo(H2ProjectOpener.latestKnownVersion().toString());
    }

    @Test
    void reopeningKeepsWhatWasStored() throws SQLException {
        Path file = dir.resolve("kept.mv.db");
        opener.open(file).close();
        execute(file, "INSERT INTO prompt (name) VALUES ('intent-annotator')");

        try (Project again = opener.open(file)) {
            assertThat(again.file()).isEqualTo(file);
        }
        assertThat(query(file, "SELECT name FROM prompt")).isEqualTo("intent-annotator");
    }

    @Test
    void projectOfAnOlderSchemaIsMigrated() throws SQLException {
        Path file = dir.resolve("old.mv.db");
        String url = new ProjectFile(file).jdbcUrl(false);
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        assertThat(tables(file)).doesNotContain("RECORD_EMBEDDING");

        opener.open(file).close();

        assertThat(tables(file)).contains("RECORD_EMBEDDING");
        assertThat(schemaVersion(file))
                .isEqualTo(H2ProjectOpener.latestKnownVersion().toString());
    }

    @Test
    void projectOfANewerSchemaIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("future.mv.db");
        opener.open(file).close();
        execute(
                file,
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                        + " \"script\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future', 'SQL',"
                        + " 'V99__future.sql', 'sa', 1, TRUE)");
        String before = sha256(file);

        assertThatThrownBy(() -> opener.open(file))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("future.mv.db")
                .hasMessageContaining("newer Siftbench")
                .hasMessageContaining("schema 99");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void fileThatIsNotAnH2DatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("notes.mv.db");
        Files.writeString(file, "text,category\nhello,greeting\n", StandardCharsets.UTF_8);
        String before = sha256(file);

        assertThatThrownBy(() -> opener.open(file))
                .isInstanceOf(ProjectException.class)
                .hasMessage(file + " is not a Siftbench project: it is not an H2 database file.");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = dir.resolve("empty.mv.db");
        Files.createFile(file);

        assertThatThrownBy(() -> opener.open(file)).hasMessageContaining("not an H2 database file");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void otherH2DatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("stranger.mv.db");
        execute(file, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100))");
        String before = sha256(file);

        assertThatThrownBy(() -> opener.open(file))
                .isInstanceOf(ProjectException.class)
                .hasMessage(file + " is an H2 database but not a Siftbench project.");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(tables(file)).containsExactly("CUSTOMERS");
    }

    @Test
    void namedFileWithoutTheSuffixThatExistsIsRefused() throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, "a,b\n1,2\n");

        assertThatThrownBy(() -> opener.open(file)).hasMessageContaining("project files end in .mv.db");
        assertThat(Files.exists(dir.resolve("data.csv.mv.db"))).isFalse();
    }

    @Test
    void projectOpenInThisProcessCanBeOpenedAgainAfterClose() {
        Path file = dir.resolve("twice.mv.db");
        Project first = opener.open(file);
        first.close();
        try (Project second = opener.open(file)) {
            assertThat(second.datasets().list()).isEmpty();
        }
    }

    private static List<String> tables(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(true), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static String schemaVersion(Path file) throws SQLException {
        return query(file, "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"");
    }

    private static String query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(true), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(false), "sa", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
