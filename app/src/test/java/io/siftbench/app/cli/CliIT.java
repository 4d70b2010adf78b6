package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a script sees it: the real jar in its own process. */
class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void helpListsTheSubcommands() throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 60, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Usage: siftbench").contains("datasets");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 60, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().trim()).matches("Siftbench \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void datasetsOfANewProjectIsAnEmptyJsonListAndCreatesTheProject() throws Exception {
        Path project = dir.resolve("fresh");

        JarProcess.Result result = JarProcess.run(dir, 60, "datasets", "--project", project.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode json = JSON.readTree(result.stdout());
        assertThat(json.isArray()).isTrue();
        assertThat(json).isEmpty();
        assertThat(Files.exists(dir.resolve("fresh.mv.db"))).isTrue();
    }

    @Test
    void notAProjectFailsWithOneLineAndNonZeroExit() throws Exception {
        Path stranger = dir.resolve("stranger.mv.db");
        Files.writeString(stranger, "hello");

        JarProcess.Result result = JarProcess.run(dir, 60, "datasets", "--project", stranger.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip())
                .isEqualTo("siftbench: " + stranger + " is not a Siftbench project: it is not an H2 database file.");
        assertThat(Files.readString(stranger)).isEqualTo("hello");
    }

    @Test
    void aFailureIsOneLineOnTheTerminalAndInFullInTheLogOfTheSettingsFolder() throws Exception {
        Path stranger = dir.resolve("stranger.mv.db");
        Files.writeString(stranger, "hello");

        JarProcess.Result result = JarProcess.run(dir, 60, "datasets", "--project", stranger.toString());

        assertThat(result.stderr().strip().lines()).hasSize(1);
        String log = Files.readString(dir.resolve("logs").resolve("siftbench-0.log"));
        assertThat(log)
                .contains("SEVERE io.siftbench.app.cli.Cli: datasets --project " + stranger + " failed")
                .contains(stranger + " is not a Siftbench project: it is not an H2 database file.")
                .contains("\tat io.siftbench.");
    }

    @Test
    void unknownSubcommandIsRefused() throws Exception {
        JarProcess.Result result = JarProcess.run(dir, 60, "frobnicate");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("frobnicate");
    }
}
