package io.siftbench.packaging.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.packaging.BuildInputs;
import io.siftbench.packaging.Packager;
import io.siftbench.packaging.TargetPlatform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the installed launcher starts, against the baseline {@code java -jar app/target/siftbench.jar}
 * with the JDK that runs the build, measured in the same run: {@code --help} (the command line) and, where
 * there is a display, the main window ("main window shown N ms after JVM start"). Linux app-image only.
 * <pre>xvfb-run -a mvn -B -Pbench verify -pl packaging -am -DskipITs -Dbench.runs=5 \
 *     -Dtest=LauncherStartBench -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class LauncherStartBench {

    private static final Pattern SHOWN = Pattern.compile("main window shown (\\d+) ms after JVM start");

    @TempDir
    Path home;

    @Test
    void launcherAgainstJavaJar() throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        Packager.Inputs inputs = BuildInputs.fromSystemProperties("siftbench.benchWork");
        Path fatJar = inputs.fatJar();
        Path image = new Packager(inputs, TargetPlatform.current()).appImage();
        List<String> launcher = List.of(image.resolve("bin/Siftbench").toString());
        List<String> javaJar =
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", fatJar.toString());

        long helpJar = median(runs, () -> helpMillis(javaJar));
        long helpLauncher = median(runs, () -> helpMillis(launcher));
        System.out.printf(
                "--help: java -jar %d ms (baseline), launcher %d ms, ratio %.2f (median of %d)%n",
                helpJar, helpLauncher, (double) helpLauncher / helpJar, runs);
        if (System.getenv("DISPLAY") == null) {
            System.out.println("window: no DISPLAY, not measured (run under xvfb-run)");
            return;
        }
        long windowJar = median(runs, () -> windowMillis(javaJar));
        long windowLauncher = median(runs, () -> windowMillis(launcher));
        System.out.printf(
                "main window: java -jar %d ms (baseline), launcher %d ms, ratio %.2f (median of %d)%n",
                windowJar, windowLauncher, (double) windowLauncher / windowJar, runs);
    }

    private interface Measure {
        long millis() throws Exception;
    }

    private static long median(int runs, Measure measure) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(measure.millis());
        }
        times.sort(null);
        return times.get(runs / 2);
    }

    private long helpMillis(List<String> command) throws IOException, InterruptedException {
        List<String> help = new ArrayList<>(command);
        help.add("--help");
        long start = System.nanoTime();
        Process process = start(help);
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** The figure the window itself prints, then the process is ended (it is this benchmark's own child). */
    private long windowMillis(List<String> command) throws IOException, InterruptedException {
        Process process = start(command);
        OptionalLong shown = OptionalLong.empty();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // Stops reading at the figure: the running window prints nothing more.
            String line;
            while (shown.isEmpty() && (line = out.readLine()) != null) {
                Matcher m = SHOWN.matcher(line);
                if (m.find()) {
                    shown = OptionalLong.of(Long.parseLong(m.group(1)));
                }
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return shown.orElseThrow(() -> new AssertionError(command + " never showed its window"));
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The user's own settings and recent projects stay untouched.
        builder.environment().put("SIFTBENCH_HOME", home.toString());
        return builder.start();
    }
}
