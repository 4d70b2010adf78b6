package io.siftbench.model.prompts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the placeholders of a template and tells which ones nothing will fill, so that the editor can
 * highlight them and flag typos before a run renders empty text into thousands of prompts.
 * A name resolves as Mustache resolves it: in the innermost section first, then outwards.
 */
public final class Placeholders {

    private static final Set<String> TASK_FIELDS =
            Set.of("role", "purpose", "format", "labels", "rationale", "confidence");
    private static final Set<String> LABEL_FIELDS = Set.of("name", "description", "verbalizer");
    private static final Set<String> DEMO_FIELDS = Set.of("id", "text", "label");

    private final PromptVersion version;
    private final Set<String> recordColumns;
    private final Set<String> demoColumns;
    private final Set<String> sampleFields;
    private final Set<String> judgedConditions;
    private final boolean stepPrompt;

    /**
     * @param recordColumns the columns of the records the prompt will see, or null when not yet known
     *                      (any column name is then accepted)
     * @param demoColumns   the columns of the demonstrations' dataset, or null when not yet known
     */
    public Placeholders(PromptVersion version, Set<String> recordColumns, Set<String> demoColumns) {
        this(version, recordColumns, demoColumns, null);
    }

    /**
     * @param sampleFields a judge's: the fields the judged samples have ({@code id}, {@code text}, {@code label},
     *                     … and those of their parsed output), or null when not yet known (any
     *                     {@code sample.NAME} is then accepted, since only the run to judge names them)
     */
    public Placeholders(
            PromptVersion version, Set<String> recordColumns, Set<String> demoColumns, Set<String> sampleFields) {
        this(version, recordColumns, demoColumns, sampleFields, null);
    }

    /**
     * @param judgedConditions a judge's: the conditions the judged run's prompt declares, or null when not yet
     *                         known (any {@code condition.NAME} is then accepted)
     */
    public Placeholders(
            PromptVersion version,
            Set<String> recordColumns,
            Set<String> demoColumns,
            Set<String> sampleFields,
            Set<String> judgedConditions) {
        this.version = version;
        this.recordColumns = version.mode() == PromptMode.SYNTHESIZE ? Set.of() : recordColumns;
        this.demoColumns = demoColumns;
        this.sampleFields = sampleFields;
        this.judgedConditions = judgedConditions;
        this.stepPrompt = readsSteps(version);
    }

    /**
     * Whether {@code version} is a pipeline step's prompt: its templates read an earlier step
     * ({@code {{steps.…}}}). Such a prompt also sees its chain's record and the conditions of its chain's earlier
     * steps, which only the pipeline names, so its {@code record.NAME} and {@code condition.NAME} are checked when
     * the pipeline is saved.
     */
    public static boolean readsSteps(PromptVersion version) {
        return Stream.of(version.template().system(), version.template().user())
                .flatMap(t -> names(t).stream())
                .anyMatch(n -> n.equals("steps") || n.startsWith("steps."));
    }

    /**
     * Every tag of {@code template} in order of appearance, read with the delimiters the template sets, up to the
     * first syntax problem ({@link PromptValidator} reports it).
     */
    public List<Placeholder> scan(String template) {
        List<Placeholder> out = new ArrayList<>();
        Deque<Predicate<String>> frames = new ArrayDeque<>();
        frames.push(this::rootKnows);
        for (TemplateTags.Tag tag : TemplateTags.read(template).tags()) {
            String name = tag.name();
            boolean known =
                    switch (tag.kind()) {
                        case COMMENT, DELIMITERS, CLOSE -> true;
                        case PARTIAL, BLOCK -> false;
                        default -> name.equals(".") || frames.stream().anyMatch(f -> f.test(name));
                    };
            switch (tag.kind()) {
                case SECTION -> frames.push(sectionFrame(name));
                case INVERTED_SECTION, BLOCK -> frames.push(n -> false);
                case CLOSE -> {
                    if (frames.size() > 1) {
                        frames.pop();
                    }
                }
                default -> {}
            }
            out.add(new Placeholder(name, tag.kind(), tag.start(), tag.end(), known));
        }
        return out;
    }

    /** The distinct names {@code template}'s tags use, sections and their closings included, in order. */
    public static List<String> names(String template) {
        return TemplateTags.read(template).tags().stream()
                .filter(t -> t.kind() != Placeholder.Kind.DELIMITERS)
                .map(TemplateTags.Tag::name)
                .distinct()
                .toList();
    }

    /** The distinct names of {@code template} nothing will fill, in order of first appearance. */
    public List<String> unknown(String template) {
        return scan(template).stream()
                .filter(p -> !p.known())
                .map(p -> switch (p.kind()) {
                    case PARTIAL -> ">" + p.name();
                    case BLOCK -> "$" + p.name();
                    default -> p.name();
                })
                .distinct()
                .toList();
    }

    private boolean rootKnows(String name) {
        boolean judge = version.mode() == PromptMode.JUDGE;
        switch (name) {
            case "record", "condition", "demos", "labels", "task":
                return true;
            case "sample":
                return judge || isColumn(recordColumns, name);
            default:
                break;
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return isColumn(recordColumns, name);
        }
        String head = name.substring(0, dot);
        String rest = name.substring(dot + 1);
        return switch (head) {
            case "record" -> stepPrompt || isColumn(recordColumns, rest);
            // A judge sees the judged run's conditions and output fields, which only the run to judge names.
            case "condition" ->
                judge
                        ? isColumn(judgedConditions, rest)
                        : stepPrompt
                                || version.conditions().stream()
                                        .anyMatch(c -> c.name().equals(rest));
            case "sample" -> judge ? isColumn(sampleFields, rest) : isColumn(recordColumns, name);
            case "task" -> TASK_FIELDS.contains(rest);
            // A pipeline step sees its chain's earlier steps, which only the pipeline names (and checks when saved).
            case "steps" -> true;
            default -> isColumn(recordColumns, name);
        };
    }

    private Predicate<String> sectionFrame(String name) {
        if (name.equals("demos")) {
            return n -> DEMO_FIELDS.contains(n) || isColumn(demoColumns, n);
        }
        if (name.equals("labels") || name.equals("task.labels")) {
            return LABEL_FIELDS::contains;
        }
        // A section over an earlier step's list (a dialogue's turns) sees its items, which only the pipeline names.
        if (name.startsWith("steps.")) {
            return n -> true;
        }
        return n -> false;
    }

    private static boolean isColumn(Set<String> columns, String name) {
        return columns == null || columns.contains(name);
    }
}
