package io.siftbench.app;

import io.siftbench.app.cli.VersionProvider;
import io.siftbench.app.example.ExampleProject;
import io.siftbench.views.shell.About;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Gathers what Help ▸ About shows from the running program and from the files the build put into the jar. */
final class AboutFacts {

    private static final String RESOURCES = "/io/siftbench/app/";

    private AboutFacts() {}

    static About read(Path logFolder) {
        return new About(
                List.of(
                        new About.Version("Siftbench", VersionProvider.version()),
                        new About.Version(
                                "Java",
                                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"),
                        new About.Version("JavaFX", System.getProperty("javafx.runtime.version", "unknown")),
                        new About.Version("H2", org.h2.engine.Constants.FULL_VERSION)),
                // The file is wrapped for a terminal; the dialog wraps its paragraphs to its own width.
                resource("NOTICE").strip().replaceAll("(?<!\\n)\\n(?!\\n)", " "),
                ExampleProject.attributions(),
                resource("THIRD-PARTY.txt").strip(),
                logFolder,
                quickStart(resource("README.md")));
    }

    /**
     * The README's "Quick start" section as plain text: the README is the one place it is written, and the build
     * puts it into the jar. Markdown's emphasis and code marks are dropped, and lines are joined into paragraphs.
     */
    static String quickStart(String readme) {
        int start = readme.indexOf("## Quick start");
        if (start < 0) {
            return "The quick start is missing from this build's README.";
        }
        int body = readme.indexOf('\n', start) + 1;
        int end = readme.indexOf("\n## ", body);
        String section = readme.substring(body, end < 0 ? readme.length() : end).strip();
        return section.replace("**", "").replace("`", "").replaceAll("\n(?!\n|\\d+\\. )\\s*", " ");
    }

    /** A text the build put into the jar; its absence is a broken build, said as such rather than hidden. */
    private static String resource(String name) {
        try (InputStream in = AboutFacts.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return name + " is missing from this build of Siftbench.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
