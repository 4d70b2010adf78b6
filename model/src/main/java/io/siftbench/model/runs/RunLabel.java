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

    /**
     * "#14 answerer v1 · question-answer v1 · step 2 answer · synthesize · 6 samples": a run in a chooser, with the
     * pipeline step it is ({@code step}, as {@code RunStep.label} names it; blank outside pipelines), so that the
     * steps of one pipeline run, which may share a prompt, are told apart.
     */
    public static String withSamples(RunInfo run, String step) {
        return step == null || step.isBlank()
                ? withSamples(run)
                : of(run, step, run.config().mode().id(), run.samples() + " samples");
    }
}
