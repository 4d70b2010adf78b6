package io.siftbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each platform keeps its own native libraries, as the bundled libraries name their folders, and nobody's classes. */
class TargetPlatformTest {

    /** Native library paths as they are in app/target/siftbench.jar. */
    private static final List<String> LINUX_X64_NATIVES = List.of(
            "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
            "native/lib/linux-x86_64/cpu/libtokenizers.so",
            "de/kherud/llama/Linux/x86_64/libjllama.so",
            "com/sun/jna/linux-x86-64/libjnidispatch.so");

    private static final List<String> WINDOWS_X64_NATIVES = List.of(
            "ai/onnxruntime/native/win-x64/onnxruntime.dll",
            "native/lib/win-x86_64/cpu/tokenizers.dll",
            "native/lib/win-x86_64/cpu/libstdc++-6.dll",
            "de/kherud/llama/Windows/x86_64/jllama.dll",
            "com/sun/jna/win32-x86-64/jnidispatch.dll");
    private static final List<String> MAC_AARCH64_NATIVES = List.of(
            "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
            "native/lib/osx-aarch64/cpu/libtokenizers.dylib",
            "de/kherud/llama/Mac/aarch64/libjllama.dylib",
            "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib");
    /** Platforms no desktop image is built for. */
    private static final List<String> NOBODY_S_NATIVES = List.of(
            "de/kherud/llama/Linux-Android/aarch64/libjllama.so",
            "de/kherud/llama/Windows/x86/jllama.dll",
            "com/sun/jna/aix-ppc64/libjnidispatch.a",
            "com/sun/jna/linux-loongarch64/libjnidispatch.so",
            "com/sun/jna/freebsd-x86-64/libjnidispatch.so");
    /** Classes, data and the JavaFX natives Maven already picked for the build platform. */
    private static final List<String> EVERYONE_S = List.of(
            "de/kherud/llama/LlamaModel.class",
            "ai/onnxruntime/OrtSession.class",
            "all-minilm-l6-v2-q.onnx",
            "libglassgtk3.so",
            "io/siftbench/icons/siftbench-512.png");

    @Test
    void linuxKeepsItsOwnNativesOnly() {
        assertKeepsOnly(TargetPlatform.LINUX_X64, LINUX_X64_NATIVES);
    }

    @Test
    void windowsKeepsItsOwnNativesOnly() {
        assertKeepsOnly(TargetPlatform.WINDOWS_X64, WINDOWS_X64_NATIVES);
    }

    @Test
    void appleSiliconKeepsItsOwnNativesOnly() {
        assertKeepsOnly(TargetPlatform.MAC_AARCH64, MAC_AARCH64_NATIVES);
    }

    @Test
    void armLinuxIsNotFooledByAndroid() {
        assertThat(TargetPlatform.LINUX_AARCH64.isForeignNativeLibrary("de/kherud/llama/Linux/aarch64/libjllama.so"))
                .isFalse();
        assertThat(TargetPlatform.LINUX_AARCH64.isForeignNativeLibrary(
                        "de/kherud/llama/Linux-Android/aarch64/libjllama.so"))
                .isTrue();
        assertThat(TargetPlatform.LINUX_AARCH64.isForeignNativeLibrary("de/kherud/llama/Linux/x86_64/libjllama.so"))
                .isTrue();
    }

    @Test
    void theBuildMachineIsRecognised() {
        assertThat(TargetPlatform.of("Linux", "amd64")).isEqualTo(TargetPlatform.LINUX_X64);
        assertThat(TargetPlatform.of("Linux", "aarch64")).isEqualTo(TargetPlatform.LINUX_AARCH64);
        assertThat(TargetPlatform.of("Mac OS X", "aarch64")).isEqualTo(TargetPlatform.MAC_AARCH64);
        assertThat(TargetPlatform.of("Mac OS X", "x86_64")).isEqualTo(TargetPlatform.MAC_X64);
        assertThat(TargetPlatform.of("Windows 11", "amd64")).isEqualTo(TargetPlatform.WINDOWS_X64);
        assertThatThrownBy(() -> TargetPlatform.of("SunOS", "sparcv9"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("SunOS");
    }

    private static void assertKeepsOnly(TargetPlatform platform, List<String> own) {
        assertThat(own).noneMatch(platform::isForeignNativeLibrary);
        assertThat(EVERYONE_S).noneMatch(platform::isForeignNativeLibrary);
        assertThat(NOBODY_S_NATIVES).allMatch(platform::isForeignNativeLibrary);
        for (List<String> other : List.of(LINUX_X64_NATIVES, WINDOWS_X64_NATIVES, MAC_AARCH64_NATIVES)) {
            if (other != own) {
                assertThat(other).allMatch(platform::isForeignNativeLibrary);
            }
        }
    }
}
