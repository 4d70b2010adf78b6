package io.siftbench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command line run in-process on one project file, as a user types it: each command gets {@code --project},
 * its stdout and stderr are kept until the next one, and the user's saved backends are read from an empty folder
 * of the test's, not the machine's own settings, until {@link #close()}.
 */
final class InProcessCli implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path project;
    private final String previousHome;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    InProcessCli(Path dir, Path project) {
        this.project = project;
        this.previousHome =
                System.setProperty("siftbench.home", dir.resolve("home").toString());
    }

    /** Runs {@code args} on the project; returns the exit code. */
    int run(String... args) {
        return runWithoutProject(Stream.concat(Stream.of(args), Stream.of("--project", project.toString()))
                .toArray(String[]::new));
    }

    /**
     * Adds {@code file}, a prompt file ({@code NAME.prompt.json}) or a pipeline file shipped in docs/examples, as
     * {@code prompt add} or {@code pipeline add} does; returns the exit code.
     */
    int addExample(String file) {
        return run(
                file.endsWith(".pipeline.json") ? "pipeline" : "prompt",
                "add",
                "--file",
                Path.of("..", "docs", "examples", file).toString());
    }

    /** Adds each of {@code files} shipped in docs/examples ({@link #addExample}), failing with what was said if one is refused. */
    void addExamples(String... files) {
        for (String file : files) {
            org.assertj.core.api.Assertions.assertThat(addExample(file))
                    .as(this::err)
                    .isZero();
        }
    }

    /** Runs {@code args} as they are, for a command that is not about a project ({@code backend add}). */
    int runWithoutProject(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** What the last command printed on stdout. */
    String out() {
        return out.toString();
    }

    /** What the last command printed on stdout, read as JSON. */
    JsonNode printed() throws JsonProcessingException {
        return JSON.readTree(out.toString());
    }

    /** What the last command printed on stderr. */
    String err() {
        return err.toString();
    }

    /** The JSON a synthesize prompt's model answers with: {@code {"text": …}}. */
    static String textAnswer(String text) {
        try {
            return JSON.writeValueAsString(Map.of("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (previousHome == null) {
            System.clearProperty("siftbench.home");
        } else {
            System.setProperty("siftbench.home", previousHome);
        }
    }
}
