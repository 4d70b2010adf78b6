package io.siftbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform jar is the fat jar, byte for byte, less the other platforms' native libraries. */
class PlatformJarTest {

    @TempDir
    Path dir;

    @Test
    void leavesOutOtherPlatformsNativesAndKeepsEverythingElse() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("io/siftbench/app/Main.class", "main class");
        entries.put("all-minilm-l6-v2-q.onnx", "model");
        entries.put("libglass.so", "javafx native");
        entries.put("ai/onnxruntime/native/linux-x64/libonnxruntime.so", "linux onnx");
        entries.put("ai/onnxruntime/native/osx-x64/libonnxruntime.dylib", "mac onnx, longer than the rest");
        entries.put("de/kherud/llama/Windows/x86_64/jllama.dll", "windows llama");
        Path fat = fatJar(entries);
        byte[] fatBefore = Files.readAllBytes(fat);

        PlatformJar.Trimmed trimmed =
                PlatformJar.write(fat, TargetPlatform.LINUX_X64, dir.resolve("out/siftbench.jar"));

        assertThat(trimmed.entries()).isEqualTo(2);
        assertThat(trimmed.bytes()).isEqualTo("mac onnx, longer than the rest".length() + "windows llama".length());
        try (JarFile jar = new JarFile(dir.resolve("out/siftbench.jar").toFile())) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (ZipEntry e : Collections.list(jar.entries())) {
                if (!e.isDirectory() && !e.getName().startsWith("META-INF/")) {
                    kept.put(e.getName(), new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(kept)
                    .containsOnlyKeys(
                            "io/siftbench/app/Main.class",
                            "all-minilm-l6-v2-q.onnx",
                            "libglass.so",
                            "ai/onnxruntime/native/linux-x64/libonnxruntime.so");
            assertThat(kept).containsEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so", "linux onnx");
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo("io.siftbench.app.Main");
        }
        assertThat(Files.readAllBytes(fat))
                .as("the runnable fat jar is never changed")
                .isEqualTo(fatBefore);
    }

    private Path fatJar(Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.siftbench.app.Main");
        Path fat = dir.resolve("siftbench.jar");
        try (OutputStream file = Files.newOutputStream(fat);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return fat;
    }
}
