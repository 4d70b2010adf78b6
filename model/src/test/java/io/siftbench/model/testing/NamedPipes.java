package io.siftbench.model.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Makes a real named pipe with {@code mkfifo}; a test that needs one is skipped, with the reason printed, where none can be made. */
public final class NamedPipes {

    private NamedPipes() {}

    /** A named pipe at {@code pipe}, or a skipped test. */
    public static Path make(Path pipe) throws InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            skip("mkfifo cannot be run here (" + e.getMessage() + ")");
            return pipe;
        }
        if (!mkfifo.waitFor(120, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            skip("mkfifo could not make a named pipe at " + pipe);
        }
        return pipe;
    }

    private static void skip(String why) {
        String reason = "skipped: " + why;
        System.out.println(reason);
        Assumptions.abort(reason);
    }
}
