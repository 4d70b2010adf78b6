package io.siftbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.cli.SiftbenchCommand;
import io.siftbench.model.testing.SharedFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * Builds the app-image for this machine the way {@code -Ppackage} does and starts what it installs: the
 * launcher, with the image's own runtime, never the JDK that built it. Skipped where jpackage is absent.
 */
class PackagingSmokeIT {

    private static final TargetPlatform PLATFORM = TargetPlatform.current();
    private static Path image;

    @BeforeAll
    static void buildTheAppImage() {
        for (String tool : List.of("jpackage", "jlink", "jdeps")) {
            if (!JdkTool.available(tool)) {
                String reason = "skipped: " + tool + " is not in the JDK at " + System.getProperty("java.home");
                System.out.println(reason);
                Assumptions.abort(reason);
            }
        }
        image = new Packager(BuildInputs.fromSystemProperties("siftbench.smokeWork"), PLATFORM).appImage();
    }

    @Test
    void theLauncherListsTheSubcommands() throws Exception {
        Run help = run(List.of(launcher().toString(), "--help"));

        assertThat(help.code()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: siftbench", "Commands:");
        for (Class<?> subcommand :
                SiftbenchCommand.class.getAnnotation(Command.class).subcommands()) {
            assertThat(help.output())
                    .contains(subcommand.getAnnotation(Command.class).name());
        }
    }

    @Test
    void theLauncherReportsTheInstallersVersion() throws Exception {
        Run version = run(List.of(launcher().toString(), "--version"));

        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).contains("Siftbench " + System.getProperty("installer.version"));
    }

    @Test
    void theImageBringsItsOwnRuntimeWithoutTheJdkTools() throws Exception {
        Path runtime = runtimeHome();
        assertThat(runtime.resolve("release")).exists();
        assertThat(runtime.resolve("bin").resolve(executable("javac"))).doesNotExist();
        assertThat(runtime.resolve("jmods")).doesNotExist();
        // -Xshare:on refuses to start without the class-data archive that shortens every start.
        Run shared = run(List.of(
                runtime.resolve("bin").resolve(executable("java")).toString(),
                "-Xshare:on",
                "-cp",
                imageJar().toString(),
                Packager.MAIN_CLASS,
                "--help"));
        assertThat(shared.code()).as(shared.output()).isZero();
    }

    @Test
    void theImagesJarKeepsOnlyThisPlatformsNatives() throws IOException {
        try (JarFile jar = new JarFile(imageJar().toFile())) {
            List<String> natives = Collections.list(jar.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.matches(".*\\.(so|dylib|jnilib|dll|a)$"))
                    .toList();
            assertThat(natives).noneMatch(PLATFORM::isForeignNativeLibrary);
            assertThat(natives)
                    .anyMatch(n -> n.contains("onnxruntime"))
                    .anyMatch(n -> n.contains("jllama"))
                    .anyMatch(n -> n.contains("tokenizers"));
        }
    }

    @Test
    void theImagesRuntimeLoadsTheEmbeddingModelAndAGgufModel() throws Exception {
        Path gguf = SharedFixtures.require("models/stories260K.gguf");
        String classpath = imageJar()
                + File.pathSeparator
                + Path.of(NativeProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
        Run probe = run(List.of(
                runtimeHome().resolve("bin").resolve(executable("java")).toString(),
                "-cp",
                classpath,
                NativeProbe.class.getName(),
                gguf.toString()));

        assertThat(probe.code()).as(probe.output()).isZero();
        assertThat(probe.output())
                .contains("embedding dimensions: 384")
                .containsPattern("gguf completion characters: [1-9]");
    }

    /** The launcher that prints: on Windows the console twin, since Siftbench.exe is a GUI program. */
    private static Path launcher() {
        return PLATFORM.os() == Os.MAC
                ? image.resolve("Contents/MacOS/Siftbench")
                : PLATFORM.os() == Os.WINDOWS
                        ? image.resolve(Os.WINDOWS_CONSOLE_LAUNCHER + ".exe")
                        : image.resolve("bin/Siftbench");
    }

    private static Path runtimeHome() {
        return PLATFORM.os() == Os.MAC
                ? image.resolve("Contents/runtime/Contents/Home")
                : PLATFORM.os() == Os.WINDOWS ? image.resolve("runtime") : image.resolve("lib/runtime");
    }

    private static Path imageJar() {
        return (PLATFORM.os() == Os.MAC
                        ? image.resolve("Contents/app")
                        : PLATFORM.os() == Os.WINDOWS ? image.resolve("app") : image.resolve("lib/app"))
                .resolve("siftbench.jar");
    }

    private static String executable(String name) {
        return PLATFORM.os() == Os.WINDOWS ? name + ".exe" : name;
    }

    private record Run(int code, String output) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Headless: the command line must never need a display.
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("%s finished", command)
                .isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
