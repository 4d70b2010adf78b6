package io.siftbench.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The trimmed Java runtime inside the image: the JDK modules the jar's classes refer to, as jdeps finds
 * them, plus the ones only reached by reflection or service lookup, which jdeps cannot see.
 */
public final class RuntimeImage {

    /** jdk.crypto.ec: TLS to a backend at an HTTPS URL, whose servers mostly offer only EC cipher suites. */
    static final List<String> SERVICE_MODULES = List.of("jdk.crypto.ec");

    private RuntimeImage() {}

    /** The modules the runtime for {@code jar} needs. */
    public static List<String> modules(Path jar) {
        String printed = JdkTool.run(
                "jdeps",
                List.of(
                        "--ignore-missing-deps",
                        "--print-module-deps",
                        "--multi-release",
                        String.valueOf(Runtime.version().feature()),
                        jar.toString()));
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(printed.strip().split(",")));
        modules.addAll(SERVICE_MODULES);
        return new ArrayList<>(modules);
    }

    /**
     * Links the runtime for {@code jar} into {@code target}, which must not exist yet. The runtime gets a
     * class-data sharing archive, which takes about a third off the launcher's start-up work; the archive
     * for heaps beyond 32 GB (no compressed pointers) is left out, since such a JVM merely starts without one.
     */
    public static void link(Path jar, Path target) {
        JdkTool.run(
                "jlink",
                List.of(
                        "--add-modules",
                        String.join(",", modules(jar)),
                        "--strip-debug",
                        "--no-header-files",
                        "--no-man-pages",
                        "--compress=2",
                        "--generate-cds-archive",
                        "--output",
                        target.toString()));
        try (Stream<Path> files = Files.walk(target)) {
            for (Path archive : files.filter(f -> f.getFileName().toString().equals("classes_nocoops.jsa"))
                    .toList()) {
                Files.delete(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot trim the runtime in " + target, e);
        }
    }
}
