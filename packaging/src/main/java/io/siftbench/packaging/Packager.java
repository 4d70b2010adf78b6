package io.siftbench.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Builds the installed form of Siftbench for the build platform: the fat jar without other platforms'
 * natives, a jlinked runtime, a jpackage app-image and, where its tools are present, the native installer.
 * The image needs no JDK: the runtime travels inside it.
 */
public final class Packager {

    static final String NAME = "Siftbench";
    static final String MAIN_CLASS = "io.siftbench.app.Main";
    static final String DESCRIPTION = "Build labelled and synthetic text data with a local language model";
    static final String PROJECT_FILE_ASSOCIATION = "siftbench-project.properties";

    private final Inputs inputs;
    private final TargetPlatform platform;

    /**
     * @param fatJar           the runnable {@code app/target/siftbench.jar}
     * @param icons            the {@code icons/} folder
     * @param resources        {@code packaging/src/main/jpackage}: per system ({@code linux/}, ...) the files
     *                         jpackage takes in place of its defaults, and the project-file association
     * @param version          the installer's version: numbers only, never a SNAPSHOT
     * @param work             where the jar, runtime, image and installer go; emptied first
     */
    public record Inputs(Path fatJar, Path icons, Path resources, String version, Path work) {}

    public Packager(Inputs inputs, TargetPlatform platform) {
        // jpackage's own refusal comes after the runtime is linked and does not say how to get past it.
        if (platform.os() == Os.MAC && inputs.version().matches("0+(\\..*)?")) {
            throw new PackagingException("macOS app versions must start at 1 (CFBundleVersion), and " + inputs.version()
                    + " does not: build the .dmg with -Dinstaller.version=1.0.0 or later.");
        }
        this.inputs = inputs;
        this.platform = platform;
    }

    /** Builds the app-image and returns its folder (the one holding {@code bin/} on Linux). */
    public Path appImage() {
        Path work = inputs.work();
        deleteRecursively(work);
        Path input = work.resolve("input");
        Path jar = input.resolve(inputs.fatJar().getFileName());
        PlatformJar.Trimmed trimmed =
                timed("jar for " + platform, () -> PlatformJar.write(inputs.fatJar(), platform, jar));
        log("left out %d native libraries of other platforms (%s)", trimmed.entries(), megabytes(trimmed.bytes()));
        Path runtime = work.resolve("runtime");
        timed("runtime", () -> {
            RuntimeImage.link(jar, runtime);
            return runtime;
        });
        Path images = work.resolve("image");
        timed("app-image", () -> JdkTool.run("jpackage", appImageArguments(input, jar, runtime, images)));
        Path image =
                Files.isDirectory(images.resolve(NAME + ".app")) ? images.resolve(NAME + ".app") : images.resolve(NAME);
        log("app-image %s: %s", image, megabytes(sizeOf(image)));
        return image;
    }

    /** Builds this system's installer from {@code image}, or says why it cannot and returns empty. */
    public Optional<Path> installer(Path image) {
        Optional<String> missing = platform.os().missingInstallerTools(System.getenv("PATH"));
        if (missing.isPresent()) {
            log("skipping the installer: %s", missing.get());
            return Optional.empty();
        }
        Path dest = inputs.work().resolve("installer");
        timed(platform.os().installerType(), () -> JdkTool.run("jpackage", installerArguments(image, dest)));
        try (Stream<Path> files = Files.list(dest)) {
            Path installer = files.filter(
                            f -> f.toString().endsWith("." + platform.os().installerType()))
                    .findFirst()
                    .orElseThrow(() -> new PackagingException("jpackage wrote no installer into " + dest));
            log("installer %s: %s", installer, megabytes(Files.size(installer)));
            return Optional.of(installer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> appImageArguments(Path input, Path jar, Path runtime, Path dest) {
        List<String> args = new ArrayList<>(common());
        args.addAll(List.of(
                "--type",
                "app-image",
                "--input",
                input.toString(),
                "--main-jar",
                jar.getFileName().toString(),
                "--main-class",
                MAIN_CLASS,
                "--runtime-image",
                runtime.toString(),
                "--icon",
                inputs.icons().resolve(platform.os().icon()).toString(),
                "--dest",
                dest.toString()));
        args.addAll(platform.os().appImageOptions(inputs.resources()));
        return args;
    }

    List<String> installerArguments(Path image, Path dest) {
        List<String> args = new ArrayList<>(common());
        args.addAll(List.of(
                "--type", platform.os().installerType(), "--app-image", image.toString(), "--dest", dest.toString()));
        args.addAll(platform.os().installerOptions());
        Path resources = inputs.resources().resolve(platform.os().resourceFolder());
        if (Files.isDirectory(resources)) {
            args.addAll(List.of("--resource-dir", resources.toString()));
        }
        if (platform.os().associatesProjectFiles()) {
            args.addAll(List.of(
                    "--file-associations",
                    resources.resolve(PROJECT_FILE_ASSOCIATION).toString()));
        }
        return args;
    }

    private List<String> common() {
        return List.of(
                "--name", NAME, "--app-version", inputs.version(), "--vendor", NAME, "--description", DESCRIPTION);
    }

    /** {@code java -cp packaging/target/classes io.siftbench.packaging.Packager JAR ICONS RESOURCES VERSION WORK [installer]} */
    public static void main(String[] args) {
        if (args.length < 5) {
            // Thrown, not System.exit: the package profile runs this inside Maven's JVM.
            throw new PackagingException(
                    "usage: Packager FAT_JAR ICONS_DIR RESOURCES_DIR VERSION WORK_DIR [installer]");
        }
        Inputs inputs = new Inputs(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3], Path.of(args[4]));
        Packager packager = new Packager(inputs, TargetPlatform.current());
        Path image = packager.appImage();
        if (args.length > 5 && args[5].equals("installer")) {
            packager.installer(image);
        }
    }

    private static <T> T timed(String step, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        log("%s: %.1f s", step, (System.nanoTime() - start) / 1e9);
        return result;
    }

    private static void log(String format, Object... args) {
        System.err.printf("packaging: " + format + "%n", args);
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }
}
