package io.siftbench.model.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.prompts.Placeholders;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a pipeline against the prompts of a project before it is saved, and pins every step to a prompt version:
 * each prompt exists (in the version named, or its newest), its mode fits the step's input (nothing: it
 * synthesizes; a dataset: it annotates; an earlier step: it synthesizes from that step's samples), every
 * {@code {{steps.NAME.FIELD}}} its templates use names an earlier step of its chain and a field that step's
 * samples have, and a step prompt's {@code {{record.NAME}}} and {@code {{condition.NAME}}} (which the prompt's own
 * checks leave to the pipeline, {@link Placeholders#readsSteps}) have a dataset and a condition in its chain.
 */
public final class PipelinePrompts {

    /** What every sample of a step has, whatever its prompt's output: what {@code {{steps.NAME.…}}} may read. */
    private static final List<String> SAMPLE_FIELDS = List.of("id", "text", "label", "rationale", "confidence");

    private final PromptStore prompts;

    public PipelinePrompts(PromptStore prompts) {
        this.prompts = prompts;
    }

    /**
     * {@code pipeline} with every step's prompt pinned to a version of this project.
     *
     * @throws PipelineFileException naming each step and field that does not fit; nothing is changed
     */
    public Pipeline pinned(Pipeline pipeline) {
        List<String> problems = new ArrayList<>();
        List<PipelineStep> pinned = new ArrayList<>();
        List<PromptVersion> versions = new ArrayList<>();
        Map<Integer, List<Side>> dialogues = new HashMap<>();
        for (int i = 0; i < pipeline.steps().size(); i++) {
            PipelineStep step = pipeline.steps().get(i);
            String where = "steps[" + i + "] (" + step.name() + ")";
            if (step.dialogue() != null) {
                List<Side> sides = sides(step, where, problems);
                dialogues.put(i, sides);
                // Nothing reads a dialogue, its pipeline's last step: its own prompts stand for it in the checks.
                versions.add(null);
                pinned.add(
                        sides.size() < 2
                                ? step
                                : step.withDialogue(step.dialogue()
                                        .withPrompts(
                                                sides.get(0).prompt(),
                                                sides.get(1).prompt())));
                continue;
            }
            Optional<StoredVersion> stored = resolve(step, where + ".prompt", problems);
            PromptVersion version = stored.map(v -> prompts.load(v.id())).orElse(null);
            versions.add(version);
            PipelineStep pinnedStep =
                    stored.map(v -> step.pinnedTo(v.version())).orElse(step);
            pinned.add(pinnedStep);
            if (version != null) {
                modeProblems(pinnedStep, version, where, problems);
                DatasetWiseChecks.promptProblems(pinnedStep, version, where, problems);
            }
        }
        Pipeline checked = pipeline.withSteps(pinned);
        for (int i = 0; i < checked.steps().size(); i++) {
            if (versions.get(i) != null) {
                stepFieldProblems(
                        checked,
                        versions,
                        i,
                        versions.get(i),
                        checked.steps().get(i).prompt(),
                        problems);
            }
            for (Side side : dialogues.getOrDefault(i, List.of())) {
                stepFieldProblems(checked, versions, i, side.version(), side.prompt(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineFileException("Cannot save pipeline '" + PromptNames.shown(pipeline.name()) + "': "
                    + String.join("; ", problems));
        }
        return checked;
    }

    /** One side of a dialogue: its prompt pinned ({@code NAME@V}) and that version. */
    private record Side(String prompt, PromptVersion version) {}

    /**
     * A dialogue's two sides, the user's then the assistant's, each pinned and in synthesize mode (each turn
     * writes a text for the conversation so far); fewer than two when one is not found, which is said.
     */
    private List<Side> sides(PipelineStep step, String where, List<String> problems) {
        List<Side> sides = new ArrayList<>();
        String[][] named = {
            {"user", step.dialogue().user()}, {"assistant", step.dialogue().assistant()}
        };
        for (String[] side : named) {
            PipelineStep turn = new PipelineStep(step.name(), side[1], step.input(), null, null, null, null, null);
            String field = where + ".dialogue." + side[0];
            Optional<StoredVersion> stored = resolve(turn, field, problems);
            if (stored.isEmpty()) {
                continue;
            }
            PromptVersion version = prompts.load(stored.get().id());
            String prompt = turn.pinnedTo(stored.get().version()).prompt();
            if (version.mode() != PromptMode.SYNTHESIZE) {
                problems.add(field + ": each turn of the dialogue writes a text for the conversation so far, so its"
                        + " prompt is in " + PromptMode.SYNTHESIZE.id() + " mode; '" + PromptNames.shown(prompt)
                        + "' is in " + version.mode().id() + " mode");
            }
            sides.add(new Side(prompt, version));
        }
        return sides;
    }

    /** The version {@code step}'s prompt names, or its newest; {@code field} names the prompt in a problem. */
    private Optional<StoredVersion> resolve(PipelineStep step, String field, List<String> problems) {
        List<StoredVersion> all = prompts.versions(step.promptName());
        if (all.isEmpty()) {
            problems.add(field + ": there is no prompt '" + PromptNames.shown(step.promptName())
                    + "' in this project; add it first with: siftbench prompt add --project P --file prompt.json");
            return Optional.empty();
        }
        Integer wanted = step.promptVersion();
        if (wanted == null) {
            return Optional.of(all.get(all.size() - 1));
        }
        Optional<StoredVersion> found =
                all.stream().filter(v -> v.version() == wanted).findFirst();
        if (found.isEmpty()) {
            problems.add(field + ": prompt '" + PromptNames.shown(step.promptName()) + "' has no version " + wanted
                    + " (it has 1 to " + all.size() + ")");
        }
        return found;
    }

    private static void modeProblems(PipelineStep step, PromptVersion version, String where, List<String> problems) {
        PromptMode needed =
                switch (step.source().kind()) {
                    case DATASET -> PromptMode.ANNOTATE;
                    case NONE, STEP -> PromptMode.SYNTHESIZE;
                };
        if (version.mode() != needed) {
            String reads =
                    switch (step.source().kind()) {
                        case DATASET -> "annotates the records of a dataset";
                        case NONE -> "makes new samples from its condition plan";
                        case STEP ->
                            "writes a new text for each sample of step '"
                                    + step.source().step() + "'";
                    };
            problems.add(where + ".prompt: the step " + reads + ", so its prompt is in " + needed.id() + " mode; '"
                    + PromptNames.shown(step.prompt()) + "' is in "
                    + version.mode().id() + " mode");
        }
    }

    /**
     * Every {@code steps.NAME…} of the templates of {@code version}, step {@code i}'s prompt {@code prompt} (or one
     * side of its dialogue): an earlier step of its chain and a field it has, or the dialogue's own turns.
     */
    private static void stepFieldProblems(
            Pipeline pipeline,
            List<PromptVersion> versions,
            int i,
            PromptVersion version,
            String prompt,
            List<String> problems) {
        PipelineStep step = pipeline.steps().get(i);
        List<PipelineStep> chain = pipeline.ancestors(i);
        Set<String> names =
                new LinkedHashSet<>(Placeholders.names(version.template().system()));
        names.addAll(Placeholders.names(version.template().user()));
        boolean stepPrompt = version.mode() == PromptMode.SYNTHESIZE && Placeholders.readsSteps(version);
        for (String name : names) {
            if (stepPrompt && name.startsWith("record.")) {
                recordProblem(pipeline, i, prompt, name, problems);
            }
            if (stepPrompt && name.startsWith("condition.")) {
                conditionProblem(pipeline, versions, i, version, prompt, name, problems);
            }
            if (!name.startsWith("steps.")) {
                continue;
            }
            String[] parts = name.split("\\.", 3);
            String where = "steps[" + i + "] (" + step.name() + "): prompt '" + PromptNames.shown(prompt) + "' uses {{"
                    + name + "}}";
            if (step.dialogue() != null && parts.length > 1 && parts[1].equals(step.name())) {
                if (parts.length > 2 && !parts[2].equals("turns")) {
                    problems.add(where + ", but dialogue '" + step.name() + "' gives its turns only ({{#steps."
                            + step.name() + ".turns}}{{role}}: {{text}}{{/steps." + step.name() + ".turns}})");
                }
                continue;
            }
            Optional<PipelineStep> read = chain.stream()
                    .filter(s -> parts.length > 1 && s.name().equals(parts[1]))
                    .findFirst();
            if (read.isEmpty()) {
                problems.add(where + ", but '" + (parts.length > 1 ? parts[1] : "")
                        + "' is no earlier step of its chain"
                        + (chain.isEmpty()
                                ? " (the step reads no earlier step)"
                                : " ("
                                        + String.join(
                                                ", ",
                                                chain.stream()
                                                        .map(PipelineStep::name)
                                                        .toList())
                                        + ")"));
                continue;
            }
            if (parts.length < 3) {
                continue;
            }
            PromptVersion parentVersion =
                    versions.get(pipeline.indexOf(read.get().name()).getAsInt());
            if (parentVersion == null) {
                continue;
            }
            List<String> fields = fieldsOf(parentVersion);
            if (!fields.contains(parts[2])) {
                problems.add(where + ", but step '" + parts[1] + "' has no field '" + parts[2] + "' (it has "
                        + String.join(", ", fields) + ")");
            }
        }
    }

    /** A step prompt's {@code {{record.NAME}}}: its chain must start from a dataset, whose record it carries. */
    private static void recordProblem(Pipeline pipeline, int i, String prompt, String name, List<String> problems) {
        List<PipelineStep> chain = pipeline.ancestors(i);
        PipelineStep first = chain.isEmpty() ? pipeline.steps().get(i) : chain.get(chain.size() - 1);
        if (first.source().kind() != StepInput.Kind.DATASET) {
            PipelineStep step = pipeline.steps().get(i);
            problems.add("steps[" + i + "] (" + step.name() + "): prompt '" + PromptNames.shown(prompt)
                    + "' uses {{" + name + "}}, but its chain starts from no dataset (step '" + first.name()
                    + "' has input \"" + first.input() + "\"), so there is no record; only a chain whose first"
                    + " step has input \"dataset\" carries one");
        }
    }

    /**
     * A step prompt's {@code {{condition.NAME}}}: a condition of its own prompt, or of an earlier step's of its
     * chain, whose values its samples carry on.
     */
    private static void conditionProblem(
            Pipeline pipeline,
            List<PromptVersion> versions,
            int i,
            PromptVersion own,
            String prompt,
            String name,
            List<String> problems) {
        String wanted = name.substring("condition.".length());
        Set<String> declared = new LinkedHashSet<>();
        List<PipelineStep> chain = new ArrayList<>(List.of(pipeline.steps().get(i)));
        chain.addAll(pipeline.ancestors(i));
        for (PipelineStep s : chain) {
            PromptVersion v = s == pipeline.steps().get(i)
                    ? own
                    : versions.get(pipeline.indexOf(s.name()).getAsInt());
            if (v == null) {
                // A prompt not found is said already; what its conditions would be is not known.
                return;
            }
            v.conditions().forEach(c -> declared.add(c.name()));
        }
        if (!declared.contains(wanted)) {
            PipelineStep step = pipeline.steps().get(i);
            problems.add("steps[" + i + "] (" + step.name() + "): prompt '" + PromptNames.shown(prompt)
                    + "' uses {{" + name + "}}, but no prompt of its chain ("
                    + String.join(", ", chain.stream().map(PipelineStep::name).toList())
                    + ") has a condition '" + wanted + "'"
                    + (declared.isEmpty() ? "" : " (they have " + String.join(", ", declared) + ")"));
        }
    }

    /** The fields a step's samples have: every sample's, and the properties of its prompt's output schema. */
    private static List<String> fieldsOf(PromptVersion version) {
        Set<String> fields = new LinkedHashSet<>(SAMPLE_FIELDS);
        JsonNode schema = version.output() == null ? null : version.output().schema();
        if (schema != null && schema.path("properties").isObject()) {
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
        }
        return List.copyOf(fields);
    }
}
