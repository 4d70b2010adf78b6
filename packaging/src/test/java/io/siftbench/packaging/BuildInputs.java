package io.siftbench.packaging;

import java.nio.file.Path;

/** The packager's inputs as the build passes them to tests and benchmarks (see packaging/pom.xml). */
public final class BuildInputs {

    private BuildInputs() {}

    /** The build's jar, icons, jpackage resources and version, with the work folder named by {@code workProperty}. */
    public static Packager.Inputs fromSystemProperties(String workProperty) {
        return new Packager.Inputs(
                Path.of(System.getProperty("siftbench.fatJar")),
                Path.of(System.getProperty("siftbench.icons")),
                Path.of(System.getProperty("siftbench.jpackageResources")),
                System.getProperty("installer.version"),
                Path.of(System.getProperty(workProperty)));
    }
}
