package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench decide}: records a decision for scripted curation, in the same history as the review
 * screen, so that its undo (here or there) takes back the newest action wherever it came from.
 */
@Command(
        name = "decide",
        mixinStandardHelpOptions = true,
        description = {
            "Record a decision on a sample: accept, reject, edit (with --text or --label) or skip;",
            "or undo / redo the newest decision of the project. Prints the decision as JSON."
        })
public final class DecideCommand implements Callable<Integer> {

    /** What the command does. */
    enum Action {
        ACCEPT,
        REJECT,
        EDIT,
        SKIP,
        UNDO,
        REDO
    }

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "accept|reject|edit|skip|undo|redo",
            converter = ActionConverter.class,
            description = "What to do.")
    Action action;

    @Option(names = "--sample", paramLabel = "S", description = "The sample's id (accept, reject, edit, skip).")
    Long sample;

    @Option(names = "--text", paramLabel = "T", description = "The researcher's text (edit).")
    String text;

    @Option(
            names = "--label",
            paramLabel = "L",
            description = "The researcher's label (edit); one of the run's labels.")
    String label;

    @Option(names = "--note", paramLabel = "N", description = "A note kept with the decision.")
    String note;

    /** One decision as printed. */
    record Decided(long sample, String status, String label, String text, String note, Long decision, long action) {
        static Decided of(long sampleId, Decision d, long action) {
            return d == null
                    ? new Decided(sampleId, "undecided", null, null, null, null, action)
                    : new Decided(sampleId, d.status().id(), d.editedLabel(), d.editedText(), d.note(), d.id(), action);
        }
    }

    /** The samples an undo or redo changed, and what counts for them now. */
    record Stepped(String step, long action, List<Decided> samples) {}

    static final class ActionConverter implements picocli.CommandLine.ITypeConverter<Action> {
        @Override
        public Action convert(String value) {
            try {
                return Action.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of accept, reject, edit, skip, undo, redo");
            }
        }
    }

    @Override
    public Integer call() {
        check();
        try (Project open = project.open()) {
            Object printed =
                    switch (action) {
                        case UNDO ->
                            stepped(
                                    "undo",
                                    open.decisions()
                                            .undo()
                                            .orElseThrow(() -> new IllegalStateException(
                                                    "there is nothing to undo in " + open.file())));
                        case REDO ->
                            stepped(
                                    "redo",
                                    open.decisions()
                                            .redo()
                                            .orElseThrow(() -> new IllegalStateException(
                                                    "there is nothing to redo in " + open.file())));
                        default -> decide(open);
                    };
            JsonOut.print(spec.commandLine().getOut(), printed);
        }
        return 0;
    }

    /** Refuses, in one line, a command line that cannot mean anything, before the project is even opened. */
    private void check() {
        boolean stepping = action == Action.UNDO || action == Action.REDO;
        if (stepping && (sample != null || text != null || label != null || note != null)) {
            throw new IllegalArgumentException(
                    action.name().toLowerCase(Locale.ROOT) + " takes no --sample, --text, --label or --note");
        }
        if (!stepping && sample == null) {
            throw new IllegalArgumentException(
                    "--sample S is required to " + action.name().toLowerCase(Locale.ROOT));
        }
        if (action == Action.EDIT && text == null && label == null) {
            throw new IllegalArgumentException("edit needs --text T or --label L");
        }
        if (action != Action.EDIT && !stepping && (text != null || label != null)) {
            throw new IllegalArgumentException("--text and --label go with edit only");
        }
    }

    private Decided decide(Project open) {
        Sample s = open.samples()
                .find(sample)
                .orElseThrow(() -> new IllegalArgumentException("there is no sample " + sample + " in " + open.file()));
        if (label != null) {
            List<String> labels = open.review().labels(s.runId());
            if (!labels.isEmpty() && !labels.contains(label)) {
                throw new IllegalArgumentException("label '" + label + "' is not one of run " + s.runId()
                        + "'s labels: " + String.join(", ", labels));
            }
        }
        Decision decision =
                switch (action) {
                    case ACCEPT -> Decision.of(sample, DecisionStatus.ACCEPTED, note);
                    case REJECT -> Decision.of(sample, DecisionStatus.REJECTED, note);
                    case SKIP -> Decision.of(sample, DecisionStatus.SKIPPED, note);
                    case EDIT -> Decision.edit(sample, text, label, note);
                    default -> throw new IllegalStateException(action + " is not a decision");
                };
        DecisionAction done = open.decisions().decide(decision);
        return Decided.of(sample, done.current().get(0), done.id());
    }

    private static Stepped stepped(String step, DecisionAction action) {
        List<Decided> samples = new ArrayList<>();
        for (int i = 0; i < action.decisions().size(); i++) {
            samples.add(Decided.of(
                    action.decisions().get(i).sampleId(), action.current().get(i), action.id()));
        }
        return new Stepped(step, action.id(), samples);
    }
}
