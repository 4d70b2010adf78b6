package io.siftbench.storage.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process that leaves an H2 file the way an import killed while committing does: it creates a table
 * (committed, as an import's table is), writes many rows into it inside one transaction, says {@code ready}
 * and commits, which takes H2 seconds for so many rows; {@link #killedWhileCommitting} kills it then. H2 must
 * finish or undo that commit before the file can be read again, which a read-only opening cannot do.
 */
public final class KilledWriter {

    private static final int ROWS = 300_000;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--create")) {
            System.out.println("creating");
            System.out.flush();
            try (var project = new H2ProjectOpener().open(Path.of(args[1]))) {
                System.out.println("created");
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            }
            return;
        }
        Path file = Path.of(args[0]);
        String table = args[1];
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(false), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"" + table + "\" (ID BIGINT PRIMARY KEY, TEXT CHARACTER VARYING)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"" + table + "\" VALUES (?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "an uncommitted row of a killed import, number " + i);
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            System.out.println("ready");
            System.out.flush();
            c.commit();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    /**
     * Runs a writer on {@code file} and kills it (SIGKILL) while it commits, so that the file needs recovery.
     * How soon the commit's first writes reach the file depends on the machine's load, so a kill that came
     * too early (H2 simply drops the open transaction, no recovery needed) is tried again later, on the file
     * as it was before.
     */
    public static void killedWhileCommitting(Path file, String table) throws Exception {
        Path before = file.resolveSibling(file.getFileName() + ".before");
        Files.copy(file, before);
        for (long wait : new long[] {1000, 2000, 3000, 500}) {
            Files.copy(before, file, StandardCopyOption.REPLACE_EXISTING);
            killAfter(file, table, wait);
            try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(true), "sa", "")) {
                continue; // readable read-only: the kill came before the commit wrote anything
            } catch (SQLException e) {
                if (H2ProjectOpener.needsRecovery(e)) {
                    Files.delete(before);
                    return;
                }
                throw e;
            }
        }
        throw new AssertionError("no kill left " + file + " needing recovery");
    }

    /**
     * Starts a process that creates a new project at {@code file} and kills it (SIGKILL) {@code millis} after
     * it starts creating it, or once it has created it if that comes first.
     *
     * @return how long after its start the creation finished, or -1 when the kill came first
     */
    public static long killedWhileCreating(Path file, long millis) throws IOException, InterruptedException {
        Process creator = new ProcessBuilder(java("--create", file.toString()))
                .redirectErrorStream(true)
                .start();
        try (var said = new java.io.BufferedReader(new java.io.InputStreamReader(creator.getInputStream()))) {
            if (!"creating".equals(said.readLine())) {
                throw new AssertionError("the creator did not start");
            }
            long started = System.nanoTime();
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(millis);
            while (creator.getInputStream().available() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return creator.getInputStream().available() > 0
                    ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                    : -1;
        } finally {
            creator.destroyForcibly();
            creator.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriter.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static void killAfter(Path file, String table, long millis) throws IOException, InterruptedException {
        Process writer = new ProcessBuilder(java(file.toString(), table))
                .redirectErrorStream(true)
                .start();
        try {
            String said = new String(writer.getInputStream().readNBytes(6));
            if (!said.equals("ready\n")) {
                throw new AssertionError("the writer did not get ready: " + said
                        + new String(writer.getInputStream().readAllBytes()));
            }
            Thread.sleep(millis);
        } finally {
            writer.destroyForcibly();
            writer.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
