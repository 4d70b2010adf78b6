package io.siftbench.model.backends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The number of physical cores. llama.cpp runs slower, not faster, with one thread per hyper-thread, and
 * the JDK only reports logical processors; on Linux /proc/cpuinfo tells them apart.
 */
final class PhysicalCores {

    private PhysicalCores() {}

    static int count() {
        int logical = Runtime.getRuntime().availableProcessors();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return logical;
        }
        try {
            return Math.max(1, Math.min(logical, countCores(Files.readAllLines(cpuinfo))));
        } catch (IOException | RuntimeException e) {
            return logical;
        }
    }

    /** Distinct (physical id, core id) pairs; the logical count where the file does not name them. */
    static int countCores(List<String> lines) {
        Set<String> cores = new HashSet<>();
        String physical = "0";
        int processors = 0;
        for (String line : lines) {
            String[] kv = line.split(":", 2);
            if (kv.length < 2) {
                continue;
            }
            String key = kv[0].strip();
            String value = kv[1].strip();
            switch (key) {
                case "processor" -> processors++;
                case "physical id" -> physical = value;
                case "core id" -> cores.add(physical + "/" + value);
                default -> {}
            }
        }
        return cores.isEmpty() ? processors : cores.size();
    }
}
