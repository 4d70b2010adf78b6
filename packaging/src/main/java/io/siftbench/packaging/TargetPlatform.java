package io.siftbench.packaging;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operating system and processor an image is built for. jpackage only builds for the platform it runs
 * on, so this is always the build machine's; it decides which native libraries of the fat jar to keep.
 */
public enum TargetPlatform {
    LINUX_X64(Os.LINUX, List.of("linux-x64", "linux-x86_64", "linux-x86-64", "linux/x86_64")),
    LINUX_AARCH64(Os.LINUX, List.of("linux-aarch64", "linux/aarch64")),
    MAC_X64(Os.MAC, List.of("osx-x64", "osx-x86_64", "darwin-x86-64", "mac/x86_64")),
    MAC_AARCH64(Os.MAC, List.of("osx-aarch64", "darwin-aarch64", "mac/aarch64")),
    WINDOWS_X64(Os.WINDOWS, List.of("win-x64", "win-x86_64", "win32-x86-64", "windows/x86_64"));

    /**
     * First words of the folder names the bundled libraries (ONNX Runtime, DJL tokenizers, java-llama.cpp,
     * JNA) put their per-platform natives in.
     */
    private static final List<String> OS_WORDS = List.of(
            "linux", "osx", "darwin", "mac", "win", "aix", "sunos", "freebsd", "openbsd", "dragonflybsd", "android");

    private final Os os;
    /** This platform's folder names, as the bundled libraries spell them (each its own way). */
    private final List<String> folders;

    TargetPlatform(Os os, List<String> folders) {
        this.os = os;
        this.folders = folders;
    }

    public Os os() {
        return os;
    }

    /** The platform this JVM runs on. */
    public static TargetPlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static TargetPlatform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        boolean arm = osArch.toLowerCase(Locale.ROOT).matches("aarch64|arm64");
        if (name.startsWith("windows")) {
            return WINDOWS_X64;
        }
        if (name.startsWith("mac")) {
            return arm ? MAC_AARCH64 : MAC_X64;
        }
        if (name.startsWith("linux")) {
            return arm ? LINUX_AARCH64 : LINUX_X64;
        }
        throw new PackagingException("Siftbench has no installer for " + osName + " on " + osArch + ".");
    }

    /**
     * Whether the jar entry {@code path} is a native library built for another platform: it lies in a folder
     * named after an operating system, and not after this platform. Native libraries outside such folders
     * (JavaFX's, which Maven already chose for the build platform) belong to every image.
     */
    public boolean isForeignNativeLibrary(String path) {
        if (!path.matches("(?i).*\\.(so|dylib|jnilib|dll|a)$") || !path.contains("/")) {
            return false;
        }
        String dir = "/" + path.substring(0, path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (folders.stream().anyMatch(f -> dir.contains("/" + f + "/"))) {
            return false;
        }
        return Arrays.stream(dir.split("/"))
                .anyMatch(segment -> OS_WORDS.stream().anyMatch(segment::startsWith));
    }
}
