package io.siftbench.storage.project;

import io.siftbench.model.project.ProjectException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a project lives on disk. H2 insists on the {@code .mv.db} suffix, so a project named
 * {@code banking} is the file {@code banking.mv.db}; the user may name either.
 */
public record ProjectFile(Path file) {

    public static final String SUFFIX = ".mv.db";
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    /** Resolves what the user named to the database file, appending {@value #SUFFIX} where it is missing. */
    public static ProjectFile of(Path named) {
        Path absolute = named.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
            return new ProjectFile(absolute);
        }
        if (Files.isRegularFile(absolute)) {
            throw new ProjectException(absolute + " is not a Siftbench project: project files end in " + SUFFIX + ".");
        }
        return new ProjectFile(absolute.resolveSibling(name + SUFFIX));
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * The JDBC URL: embedded file mode only, never a TCP or auto server; no trace file beside the project,
     * because failures reach the user as messages. WRITE_DELAY=0 hands every commit to the file at once: H2
     * otherwise keeps up to half a second of commits in memory, which a killed process would lose (a
     * decision the researcher saw saved, a sample the run counted). The file is opened through H2's
     * {@code retry:} file system: cancelling a background task interrupts its thread, and an interrupt during a
     * file read or write closes a plain file channel, and with it the store under every connection ("The
     * database has been closed"); {@code retry:} reopens the channel and repeats the operation instead.
     */
    public String jdbcUrl(boolean readOnly) {
        String base = file.toString();
        base = base.substring(0, base.length() - SUFFIX.length());
        return "jdbc:h2:retry:" + base + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0"
                + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
    }

    /** Checks the file's first bytes before H2 sees it, so that a stranger's file is never touched. */
    public void requireH2Header() {
        byte[] head = new byte[H2_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ProjectException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < head.length || !Arrays.equals(head, H2_HEADER)) {
            throw new ProjectException(file + " is not a Siftbench project: it is not an H2 database file.");
        }
    }
}
