package io.siftbench.model.runs;

import java.util.stream.Stream;

/**
 * How a run is named for a person, the same on every screen: "#12 intent v2" in a heading, a column or a
 * legend, followed by what a chooser needs to tell runs apart, "#12 intent v2 · annotate · 200 samples".
 */
public final class RunLabel {

    private static final String BETWEEN = " · ";

    private RunLabel() {}

    /** "#12 intent v2": the run and the prompt version it sent. */
    public static String name(RunInfo run) {
        return "#" + run.id() + " " + prompt(run);
    }

    /** "intent v2": the prompt version the run sent, where the run itself is clear already (a row of runs). */
    public static String prompt(RunInfo run) {
        return run.promptName() + " v" + run.promptVersion();
    }

    /** The run's name followed by {@code details}, e.g. "#12 intent v2 · annotate · 200 samples". */
    public static String of(RunInfo run, String... details) {
        return Stream.concat(Stream.of(name(run)), Stream.of(details))
                .reduce((a, b) -> a + BETWEEN + b)
                .orElseThrow();
    }

    /** "#12 intent v2 · annotate · 200 samples": a run in a chooser of runs. */
    public static String withSamples(RunInfo run) {
        return of(run, run.config().mode().id(), run.samples() + " samples");
    }
}
