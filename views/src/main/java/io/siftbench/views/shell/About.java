package io.siftbench.views.shell;

import java.nio.file.Path;
import java.util.List;

/**
 * What Help ▸ About tells: the versions a bug report needs, the licence, the attributions of anything bundled, and
 * the third-party libraries with their licences as the build listed them.
 *
 * @param versions     name and version of Siftbench and of the runtime parts that matter (Java, JavaFX, H2)
 * @param licence      the licence Siftbench is distributed under, with its copyright
 * @param attributions bundled data and models, each with its source and licence; empty when nothing is bundled
 * @param thirdParty   the build's list of third-party libraries, one per line, each with its licence
 * @param logFolder    where every failure is logged with its stack trace, the first thing a bug report needs
 * @param quickStart   the README's quick start as plain text, one step per paragraph, for Help ▸ Quick start
 */
public record About(
        List<Version> versions,
        String licence,
        List<String> attributions,
        String thirdParty,
        Path logFolder,
        String quickStart) {

    /** One part and its version, e.g. "H2" and "2.4.240 (2025-09-22)". */
    public record Version(String name, String version) {}

    public About {
        versions = List.copyOf(versions);
        attributions = List.copyOf(attributions);
    }
}
