package io.siftbench.packaging;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an installer looks like on each operating system: its icon, its package type and its desktop integration. */
public enum Os {
    LINUX(
            "png/siftbench-512.png",
            "deb",
            List.of("dpkg-deb", "fakeroot"),
            List.of(
                    "--linux-package-name",
                    "siftbench",
                    // A menu entry (.desktop file with the icon) under Development.
                    "--linux-shortcut",
                    "--linux-menu-group",
                    "Development",
                    "--linux-app-category",
                    "devel")),
    WINDOWS(
            "siftbench.ico",
            "msi",
            List.of("candle.exe", "light.exe"),
            List.of(
                    "--win-menu",
                    "--win-menu-group",
                    "Siftbench",
                    "--win-shortcut",
                    "--win-dir-chooser",
                    // Fixed forever: a newer .msi with the same upgrade code replaces the installed version.
                    "--win-upgrade-uuid",
                    "6f1d3c2e-8b7a-4f0e-9a51-5c1b7e0d2a94")),
    MAC(
            "siftbench.icns",
            "dmg",
            List.of(),
            List.of(
                    "--mac-package-identifier", "io.siftbench.app",
                    "--mac-package-name", "Siftbench"));

    public static final String WINDOWS_CONSOLE_LAUNCHER = "siftbench-cli";

    private final String icon;
    private final String installerType;
    private final List<String> installerTools;
    private final List<String> installerOptions;

    Os(String icon, String installerType, List<String> installerTools, List<String> installerOptions) {
        this.icon = icon;
        this.installerType = installerType;
        this.installerTools = installerTools;
        this.installerOptions = installerOptions;
    }

    /** The application icon, relative to the {@code icons/} folder. */
    public String icon() {
        return icon;
    }

    /**
     * Options for the app-image beyond the common ones. A Windows launcher is a GUI program whose output goes
     * nowhere, so the command line gets a console twin, {@value #WINDOWS_CONSOLE_LAUNCHER}.exe.
     */
    public List<String> appImageOptions(Path resources) {
        return this == WINDOWS
                ? List.of(
                        "--add-launcher",
                        WINDOWS_CONSOLE_LAUNCHER + "="
                                + resources.resolve(resourceFolder()).resolve(WINDOWS_CONSOLE_LAUNCHER + ".properties"))
                : List.of();
    }

    /** The folder, under {@code packaging/src/main/jpackage}, of the files that replace jpackage's defaults. */
    public String resourceFolder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** jpackage's {@code --type} for this system's installer. */
    public String installerType() {
        return installerType;
    }

    public List<String> installerOptions() {
        return installerOptions;
    }

    /**
     * Project files end in {@code .mv.db}. Only the Linux MIME database matches a two-part suffix
     * ({@code *.mv.db}); Windows and macOS associate by the last suffix alone, and claiming every {@code .db}
     * file would steal other programs' databases.
     */
    public boolean associatesProjectFiles() {
        return this == LINUX;
    }

    /** Why this system's installer cannot be built here, or empty when the tools jpackage calls are on the PATH. */
    public Optional<String> missingInstallerTools(String path) {
        List<String> missing =
                installerTools.stream().filter(tool -> !onPath(tool, path)).toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("the ." + installerType + " needs " + String.join(" and ", missing) + " on the PATH");
    }

    private static boolean onPath(String tool, String path) {
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .filter(dir -> !dir.isBlank())
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
