package io.siftbench.model.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the fixtures in {@code ../shared} beside the project (test data and the small GGUF model). A test
 * that needs one is skipped, with the reason printed, where a clone has no {@code ../shared}.
 */
public final class SharedFixtures {

    private SharedFixtures() {}

    /** The project's root folder: set by the build, else found by walking up to the parent pom. */
    public static Path projectRoot() {
        String fromBuild = System.getProperty("siftbench.projectRoot");
        if (fromBuild != null && !fromBuild.isBlank()) {
            return Path.of(fromBuild).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("model")))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** {@code ../shared} seen from the project root (it may not exist). */
    public static Path sharedFolder() {
        return projectRoot().resolveSibling("shared");
    }

    /**
     * The fixture at {@code relative} inside {@code ../shared}, or a skipped test with the reason printed
     * where it is absent.
     */
    public static Path require(String relative) {
        Path file = sharedFolder().resolve(relative);
        if (!Files.exists(file)) {
            String reason = "skipped: " + file + " is absent (tests that use ../shared need it beside the project)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return file;
    }
}
