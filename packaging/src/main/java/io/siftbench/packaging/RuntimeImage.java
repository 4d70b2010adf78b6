package io.siftbench.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The trimmed Java runtime inside the image: the JDK modules the jar's classes refer to, as jdeps finds
 * them, plus the ones only reached by reflection or service lookup, which jdeps cannot see.
 */
public final class RuntimeImage {

    /** jdk.crypto.ec: TLS to a backend at an HTTPS URL, whose servers mostly offer only EC cipher suites. */
    static final List<String> SERVICE_MODULES = List.of("jdk.crypto.ec");

    private RuntimeImage() {
    }

    /** The modules the runtime for {@code jar} needs. */
    public static List<String> modules(Path jar) {
        String printed = JdkTool.run("jdeps", List.of("--ignore-missing-deps", "--print-module-deps",
                "--multi-release", String.valueOf(Runtime.version().feature()), jar.toString()));
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(printed.strip().split(",")));
        modules.addAll(SERVICE_MODULES);
        return new ArrayList<>(modules);
    }

    /** Links the runtime for {@code jar} into {@code target}, which must not exist yet. */
    public static void link(Path jar, Path target) {
        JdkTool.run("jlink", List.of(
                "--add-modules", String.join(",", modules(jar)),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2",
                "--output", target.toString()));
    }
}
