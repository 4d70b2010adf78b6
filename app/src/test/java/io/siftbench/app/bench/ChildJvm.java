package io.siftbench.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A benchmark's step in a JVM of its own with {@code -Xmx256m}, on the test classpath: whether it fits in the heap
 * a user's small machine gives it is then a fact, not an estimate. Its lines go to stdout as they come, each first
 * word naming what the rest of the line says.
 */
final class ChildJvm {

    /**
     * What the child said, by each line's first word, and its exit code: 3 when it ran out of heap.
     *
     * @param timedOut whether it was stopped at its time limit
     */
    record Outcome(int exit, boolean timedOut, Map<String, String> said) {

        /** "ran out of heap", "did not finish in the time limit" or "exited N", for a child that did not exit 0. */
        String failure() {
            return timedOut ? "did not finish in the time limit" : exit == 3 ? "ran out of heap" : "exited " + exit;
        }
    }

    private ChildJvm() {}

    /** Runs {@code main} with {@code args}, stopping it once it has run for {@code limit}. */
    static Outcome run(String prefix, Duration limit, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    child.destroy();
                }
            } catch (InterruptedException e) {
                child.destroy();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Map<String, String> said = new HashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(prefix + ": child: " + line);
                String[] parts = line.split(" ", 2);
                said.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return new Outcome(child.waitFor(), timedOut.get(), said);
    }
}
