package io.siftbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What jpackage is asked to build on each system. Only the build machine's installer can be built here;
 * these pin the Windows and macOS configurations, which are built on those systems.
 */
class PackagerTest {

    @TempDir
    Path dir;

    private final Path resources =
            Path.of(System.getProperty("siftbench.projectRoot", "..")).resolve("packaging/src/main/jpackage");

    private Packager packager(TargetPlatform platform) {
        return packager(platform, platform.os() == Os.MAC ? "1.0.0" : "0.1.0");
    }

    private Packager packager(TargetPlatform platform, String version) {
        return new Packager(
                new Packager.Inputs(Path.of("app/target/siftbench.jar"), Path.of("icons"), resources, version, dir),
                platform);
    }

    @Test
    void theAppImageRunsMainWithTheTrimmedRuntimeAndThePlatformsIcon() {
        List<String> linux = packager(TargetPlatform.LINUX_X64)
                .appImageArguments(Path.of("in"), Path.of("in/siftbench.jar"), Path.of("rt"), Path.of("out"));
        List<String> windows = packager(TargetPlatform.WINDOWS_X64)
                .appImageArguments(Path.of("in"), Path.of("in/siftbench.jar"), Path.of("rt"), Path.of("out"));
        List<String> mac = packager(TargetPlatform.MAC_AARCH64)
                .appImageArguments(Path.of("in"), Path.of("in/siftbench.jar"), Path.of("rt"), Path.of("out"));

        assertThat(linux)
                .containsSequence("--type", "app-image")
                .containsSequence("--main-class", "io.siftbench.app.Main")
                .containsSequence("--main-jar", "siftbench.jar")
                .containsSequence("--runtime-image", "rt")
                .containsSequence("--app-version", "0.1.0")
                .containsSequence("--name", "Siftbench")
                .containsSequence(
                        "--icon", Path.of("icons/png/siftbench-512.png").toString());
        assertThat(windows)
                .containsSequence("--icon", Path.of("icons/siftbench.ico").toString())
                .containsSequence(
                        "--add-launcher", "siftbench-cli=" + resources.resolve("windows/siftbench-cli.properties"));
        assertThat(linux).doesNotContain("--add-launcher");
        assertThat(mac)
                .containsSequence("--icon", Path.of("icons/siftbench.icns").toString());
        assertThat(List.of(linux, windows, mac))
                .allSatisfy(args -> assertThat(args).doesNotContain("--file-associations"));
    }

    @Test
    void theDebHasAMenuEntryAndOpensProjectFiles() throws IOException {
        List<String> deb =
                packager(TargetPlatform.LINUX_X64).installerArguments(Path.of("image/Siftbench"), Path.of("dest"));

        assertThat(deb)
                .containsSequence("--type", "deb")
                .containsSequence("--app-image", Path.of("image/Siftbench").toString())
                .contains("--linux-shortcut")
                .containsSequence("--linux-menu-group", "Development")
                .containsSequence("--resource-dir", resources.resolve("linux").toString())
                .containsSequence(
                        "--file-associations",
                        resources.resolve("linux/siftbench-project.properties").toString());
        assertThat(Files.readString(resources.resolve("linux/siftbench-project.properties")))
                .contains("extension=mv.db");
        // jpackage 17's own desktop entry drops the double-clicked file; ours passes it on.
        assertThat(Files.readString(resources.resolve("linux/Siftbench.desktop")))
                .contains("Exec=APPLICATION_LAUNCHER %f");
    }

    @Test
    void theMsiHasAStartMenuEntryAndAFixedUpgradeCode() {
        List<String> msi =
                packager(TargetPlatform.WINDOWS_X64).installerArguments(Path.of("image/Siftbench"), Path.of("dest"));

        assertThat(msi)
                .containsSequence("--type", "msi")
                .contains("--win-menu", "--win-shortcut", "--win-dir-chooser")
                .containsSequence("--win-upgrade-uuid", "6f1d3c2e-8b7a-4f0e-9a51-5c1b7e0d2a94")
                .doesNotContain("--file-associations", "--linux-shortcut");
    }

    @Test
    void theDmgIsIdentifiedAsSiftbench() {
        List<String> dmg =
                packager(TargetPlatform.MAC_X64).installerArguments(Path.of("image/Siftbench.app"), Path.of("dest"));

        assertThat(dmg)
                .containsSequence("--type", "dmg")
                .containsSequence("--mac-package-identifier", "io.siftbench.app")
                .doesNotContain("--file-associations");
    }

    @Test
    void macOsRefusesAVersionBeforeOneAndSaysWhatToDo() {
        assertThatThrownBy(() -> packager(TargetPlatform.MAC_AARCH64, "0.1.0"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("-Dinstaller.version=1.0.0");
        assertThat(packager(TargetPlatform.MAC_AARCH64, "1.2.0")
                        .appImageArguments(Path.of("in"), Path.of("in/siftbench.jar"), Path.of("rt"), Path.of("out")))
                .containsSequence("--app-version", "1.2.0");
    }

    @Test
    void aMissingInstallerToolIsNamed() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        executable(bin.resolve("dpkg-deb"));

        assertThat(Os.LINUX.missingInstallerTools(bin.toString())).contains("the .deb needs fakeroot on the PATH");

        executable(bin.resolve("fakeroot"));
        assertThat(Os.LINUX.missingInstallerTools("/nowhere" + File.pathSeparator + bin))
                .isEmpty();
        assertThat(Os.WINDOWS.missingInstallerTools(bin.toString()))
                .contains("the .msi needs candle.exe and light.exe on the PATH");
        assertThat(Os.MAC.missingInstallerTools(null)).isEmpty();
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
