package io.siftbench.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code app/target/siftbench.jar} as a real subprocess, as a user or script would, with its own
 * settings folder so that no test touches the user's settings.
 * <p>
 * The integration tests start the jar hundreds of times on a two-core machine, where a Java start costs more than
 * most commands: each process maps a class-data archive of the jar's classes (made once per built jar, beside it),
 * compiles with C1 only and collects with one thread. That halves the CPU of a command and changes nothing the
 * command does; the archive's own messages are switched off so that stdout stays the command's.
 */
public final class JarProcess {

    /** What a finished run printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** What the command printed on stdout, read as the JSON it prints for scripts. */
        public com.fasterxml.jackson.databind.JsonNode json() throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout);
        }
    }

    private JarProcess() {}

    public static Path jar() {
        String fromBuild = System.getProperty("siftbench.jar");
        Path jar = fromBuild != null ? Path.of(fromBuild) : Path.of("target", "siftbench.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `mvn package` (failsafe)");
        }
        return jar;
    }

    /** Runs the jar with {@code args}, waiting at most {@code timeoutSeconds}. */
    public static Result run(Path home, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Process process = start(home, args);
        Path out = Files.createTempFile("siftbench-out", ".txt");
        Path err = Files.createTempFile("siftbench-err", ".txt");
        try {
            Thread pumpOut = pump(process.getInputStream(), out);
            Thread pumpErr = pump(process.getErrorStream(), err);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "siftbench " + String.join(" ", args) + " did not exit within " + timeoutSeconds + " s");
            }
            pumpOut.join();
            pumpErr.join();
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts the jar with {@code args} and returns the running process; the caller reads its streams. */
    public static Process start(Path home, String... args) throws IOException {
        return new ProcessBuilder(command(home, args)).start();
    }

    /** The command line that runs the jar with {@code args}, for a caller that redirects its streams itself. */
    public static List<String> command(Path home, String... args) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add("-XX:SharedArchiveFile=" + classArchive());
        command.addAll(List.of("-Dsiftbench.home=" + home, "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Java with the options every process of these tests shares, up to {@code -jar}. */
    private static List<String> javaCommand() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    /**
     * The class-data archive of this build's jar, made on first use by a command that opens a new project (which
     * loads H2, Flyway and the command line). Named by the jar's size and time, because an archive only maps onto the
     * very jar it was made from; made under a temporary name and moved into place, so that two test processes
     * making it at once both end with a whole one.
     */
    private static synchronized Path classArchive() {
        try {
            Path jar = jar().toAbsolutePath();
            Path archive = jar.resolveSibling("siftbench-" + Files.size(jar) + "-"
                    + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
            if (Files.isRegularFile(archive)) {
                return archive;
            }
            Path scratch = Files.createTempDirectory(jar.getParent(), "cds-");
            Path making = scratch.resolve("siftbench.jsa");
            List<String> make = new ArrayList<>(javaCommand());
            make.addAll(List.of(
                    "-XX:ArchiveClassesAtExit=" + making,
                    "-Dsiftbench.home=" + scratch,
                    "-jar",
                    jar.toString(),
                    "datasets",
                    "--project",
                    scratch.resolve("archive").toString()));
            Process process = new ProcessBuilder(make)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(making)) {
                process.destroyForcibly();
                throw new IllegalStateException("Could not make the class-data archive of " + jar);
            }
            Files.move(making, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Thread pump(java.io.InputStream in, Path to) {
        Thread t = new Thread(() -> {
            try (in) {
                Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        return t;
    }
}
