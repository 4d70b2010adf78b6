package io.siftbench.storage.testing;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real runs with real samples in a real project file, for tests of what comes after a run (review, compare,
 * the command line). Prompt versions are written with SQL because the prompts feature is built elsewhere.
 */
public final class RunFixture {

    /** The labels of the annotate prompt version the fixture stores. */
    public static final List<String> LABELS = List.of(
            "card_arrival", "card_linking", "exchange_rate", "lost_or_stolen_card", "pin_blocked", "top_up_failed");

    private RunFixture() {}

    /**
     * Stores a prompt version (named {@code prompt}, the next version number) in the project file, which must
     * not be open, creating the project where none exists; returns the version's id.
     */
    public static long promptVersion(Path file, String prompt, PromptMode mode) throws Exception {
        ProjectFile project = ProjectFile.of(file);
        if (!project.exists()) {
            new H2ProjectOpener().open(file).close();
        }
        String labels = String.join(
                ",", LABELS.stream().map(l -> "{\"name\":\"" + l + "\"}").toList());
        try (Connection c = DriverManager.getConnection(project.jdbcUrl(false), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("MERGE INTO prompt (name) KEY (name) VALUES ('" + prompt + "')");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO prompt_version (prompt_id, version, mode, spec)"
                            + " SELECT p.id, COALESCE((SELECT MAX(v.version) FROM prompt_version v WHERE v.prompt_id = p.id), 0)"
                            + " + 1, ?, ? FROM prompt p WHERE p.name = ?",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, mode.id());
                ps.setString(
                        2,
                        "{\"name\":\"" + prompt + "\",\"mode\":\"" + mode.id() + "\",\"task\":{\"labels\":["
                                + (mode == PromptMode.ANNOTATE ? labels : "") + "]}}");
                ps.setString(3, prompt);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }
    }

    /**
     * Creates a completed run of {@code promptVersionId} with {@code count} samples, as the run engine would
     * have stored them: annotate samples answer records 1..count, synthesize samples cycle through two tone
     * values. Confidence, labels and votes vary so that orders and filters have something to sort.
     */
    public static List<Sample> run(Project project, long promptVersionId, PromptMode mode, int count) {
        return run(project, promptVersionId, mode, count, false);
    }

    /** The samples of two runs of one prompt's versions 1 and 2, as {@link #comparedVersions} stores them. */
    public record Compared(List<Sample> first, List<Sample> second) {}

    /**
     * Stores versions 1 and 2 of the annotate prompt {@code prompt} in {@code file} (which must not be open) and a
     * run of each over the same records, configured alike: the first answered records 1 to {@code firstCount} in
     * order, the second records 1 to {@code secondCount} in the opposite order (sample i, of record i + 1, has
     * ordinal secondCount - 1 - i). What Compare lines up by input.
     */
    public static Compared comparedVersions(Path file, String prompt, int firstCount, int secondCount)
            throws Exception {
        long v1 = promptVersion(file, prompt, PromptMode.ANNOTATE);
        long v2 = promptVersion(file, prompt, PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            return new Compared(
                    run(project, v1, PromptMode.ANNOTATE, firstCount, false),
                    run(project, v2, PromptMode.ANNOTATE, secondCount, true));
        }
    }

    private static List<Sample> run(
            Project project, long promptVersionId, PromptMode mode, int count, boolean reversed) {
        long run = create(project, promptVersionId, mode, count);
        List<Sample> stored = new ArrayList<>();
        List<Sample> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sample s = sample(run, mode, i);
            pending.add(reversed ? atOrdinal(s, count - 1 - i) : s);
            // One a commit, as a run commits them (tests of what a write tells rely on it), up to a thousand; beyond,
            // a thousand a commit: the benchmarks' runs of a million are stored in minutes, not in an hour.
            if (pending.size() == (count > 1_000 ? 1_000 : 1) || i == count - 1) {
                stored.addAll(project.samples().addAll(pending));
                pending.clear();
            }
        }
        project.runs().setStatus(run, RunStatus.COMPLETED);
        return stored;
    }

    /** {@code s} as if its slot were at {@code ordinal} of the run: for tests of the run's order. */
    public static Sample atOrdinal(Sample s, int ordinal) {
        Slot slot = s.slot();
        return new Sample(
                0,
                s.runId(),
                new Slot(
                        slot.key(),
                        ordinal,
                        slot.recordId(),
                        slot.conditions(),
                        slot.demonstrationIds(),
                        slot.messages()),
                s.model(),
                s.parameters(),
                s.seed(),
                s.rawOutput(),
                s.label(),
                s.rationale(),
                s.confidence(),
                s.text(),
                s.parsed(),
                s.valid(),
                s.validationError(),
                s.votes(),
                s.promptTokens(),
                s.completionTokens(),
                s.latencyMillis(),
                s.finishReason(),
                s.error(),
                null);
    }

    /**
     * Creates a completed synthesize run of {@code promptVersionId} whose samples say exactly {@code texts}, in
     * that order, each valid and without a label: for tests of what the texts themselves decide (duplicates,
     * similarity).
     */
    public static List<Sample> synthesized(Project project, long promptVersionId, List<String> texts) {
        long run = create(project, promptVersionId, PromptMode.SYNTHESIZE, texts.size());
        List<Sample> stored = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Sample s = sample(run, PromptMode.SYNTHESIZE, i);
            stored.add(project.samples()
                    .add(new Sample(
                            0,
                            run,
                            s.slot(),
                            s.model(),
                            s.parameters(),
                            s.seed(),
                            s.rawOutput(),
                            null,
                            null,
                            null,
                            texts.get(i),
                            null,
                            true,
                            null,
                            List.of(),
                            20,
                            5,
                            30L,
                            "stop",
                            null,
                            null)));
        }
        project.runs().setStatus(run, RunStatus.COMPLETED);
        return stored;
    }

    private static long create(Project project, long promptVersionId, PromptMode mode, int count) {
        return project.runs()
                .create(new RunConfig(
                        promptVersionId,
                        mode,
                        new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny"),
                        "{\"temperature\":0.7}",
                        null,
                        7,
                        1,
                        count,
                        1,
                        "{}"));
    }

    /** Sample {@code i} of a run: its text and label say which it is, so that tests can tell them apart. */
    public static Sample sample(long run, PromptMode mode, int i) {
        boolean annotate = mode == PromptMode.ANNOTATE;
        String tone = i % 2 == 0 ? "angry" : "polite";
        String label = LABELS.get(i % LABELS.size());
        String input = "question " + i + " about my card";
        String text = annotate ? null : "story " + i + " told in a " + tone + " tone";
        Slot slot = new Slot(
                annotate ? "r" + (i + 1) : "c" + i,
                i,
                annotate ? (long) (i + 1) : null,
                annotate ? Map.of() : Map.of("tone", tone),
                List.of(100L + i),
                List.of(
                        Message.system("You label customer-banking questions."),
                        Message.user(annotate ? "Q: " + input + "\nA:" : "Write a story in a " + tone + " tone.")));
        List<String> votes = List.of(label, i % 3 == 0 ? LABELS.get((i + 1) % LABELS.size()) : label, label);
        return new Sample(
                0,
                run,
                slot,
                "tiny",
                "{\"temperature\":0.7}",
                7L,
                "{\"label\":\"" + label + "\"}",
                annotate ? label : null,
                null,
                annotate ? ((i * 37) % 100) / 100.0 : null,
                text,
                null,
                i % 5 != 4,
                i % 5 == 4 ? "label missing" : null,
                annotate ? votes : List.of(),
                20,
                5,
                30L,
                "stop",
                null,
                null);
    }
}
