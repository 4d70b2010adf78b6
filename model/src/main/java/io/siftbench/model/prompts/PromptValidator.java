package io.siftbench.model.prompts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules that span fields of a prompt version (a single field's rules live in its record). Each
 * problem names the field it is about, so the researcher can find it in the file or the studio.
 */
public final class PromptValidator {

    /** How many demonstrations a prompt may show. */
    public static final int MAX_DEMONSTRATIONS = 50;

    private PromptValidator() {}

    /** Every problem of {@code version}, empty when it can be saved and run. */
    public static List<String> problems(PromptVersion version) {
        List<String> problems = new ArrayList<>();
        PromptNames.problem(version.name()).ifPresent(p -> problems.add("name: " + p));
        demonstrationRules(version.demonstrations(), problems);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < version.conditions().size(); i++) {
            String name = version.conditions().get(i).name();
            if (!names.add(name)) {
                problems.add("conditions[" + i + "]: the condition name '" + name + "' is used twice");
            }
        }
        switch (version.mode()) {
            case ANNOTATE -> annotateRules(version, problems);
            case SYNTHESIZE -> {
                if (version.output() == null
                        || version.output().schema() == null
                        || !version.output().schema().isObject()) {
                    problems.add("output.schema: synthesize needs a JSON schema object naming the fields of a sample");
                }
            }
            case JUDGE -> {
                if (!version.conditions().isEmpty()) {
                    problems.add("conditions: a judge sees the judged sample's condition values as {{condition.NAME}};"
                            + " it declares no conditions of its own");
                }
            }
        }
        if (version.mode() != PromptMode.JUDGE && version.scale() != null) {
            problems.add("scale: only a judge prompt (mode \"judge\") has a scale");
        }
        Placeholders placeholders = new Placeholders(version, null, null);
        templateRules("template.system", version.template().system(), placeholders, problems);
        templateRules("template.user", version.template().user(), placeholders, problems);
        return problems;
    }

    /**
     * Each sample stores the ids of its demonstrations, and each is sent in every prompt: a few dozen is already
     * more than a prompt's context holds.
     */
    private static void demonstrationRules(Demonstrations demonstrations, List<String> problems) {
        if (demonstrations == null) {
            return;
        }
        // The fixed strategy's k is its number of ids unless given: the ids are then what to shorten.
        if (demonstrations.ids().size() > MAX_DEMONSTRATIONS) {
            problems.add(String.format(
                    Locale.ROOT,
                    "demonstrations.ids: at most %d record ids, not %,d",
                    MAX_DEMONSTRATIONS,
                    demonstrations.ids().size()));
        } else if (demonstrations.k() > MAX_DEMONSTRATIONS) {
            problems.add(String.format(
                    Locale.ROOT,
                    "demonstrations.k: at most %d demonstrations a prompt, not %,d",
                    MAX_DEMONSTRATIONS,
                    demonstrations.k()));
        }
    }

    private static void annotateRules(PromptVersion version, List<String> problems) {
        if (version.task().labels().isEmpty()) {
            problems.add("task.labels: annotate needs at least one label");
        }
        Set<String> labels = new HashSet<>();
        Set<String> verbalizers = new HashSet<>();
        for (int i = 0; i < version.task().labels().size(); i++) {
            Label label = version.task().labels().get(i);
            if (!labels.add(label.name())) {
                problems.add("task.labels[" + i + "]: the label '" + label.name() + "' is listed twice");
            } else if (!verbalizers.add(label.verbalizer().toLowerCase(Locale.ROOT))) {
                problems.add("task.labels[" + i + "]: the verbalizer '" + label.verbalizer()
                        + "' is used by another label too, so an answer could not tell them apart");
            }
        }
    }

    private static void templateRules(String where, String template, Placeholders placeholders, List<String> problems) {
        var syntax = PromptRenderer.syntaxProblem(template);
        if (syntax.isPresent()) {
            problems.add(where + ": " + syntax.get());
            return;
        }
        List<String> unknown = placeholders.unknown(template);
        if (!unknown.isEmpty()) {
            problems.add(
                    where + ": nothing fills "
                            + String.join(
                                    ", ",
                                    unknown.stream().map(n -> "{{" + n + "}}").toList())
                            + " (check the spelling, the condition names and, in synthesize mode, that no record field is used)");
        }
    }
}
