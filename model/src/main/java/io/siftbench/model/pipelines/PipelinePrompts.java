package io.siftbench.model.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.prompts.Placeholders;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        for (int i = 0; i < pipeline.steps().size(); i++) {
            PipelineStep step = pipeline.steps().get(i);
            String where = "steps[" + i + "] (" + step.name() + ")";
            Optional<StoredVersion> stored = resolve(step, where, problems);
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
                stepFieldProblems(checked, versions, i, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineFileException("Cannot save pipeline '" + PromptNames.shown(pipeline.name()) + "': "
                    + String.join("; ", problems));
        }
        return checked;
    }

    private Optional<StoredVersion> resolve(PipelineStep step, String where, List<String> problems) {
        List<StoredVersion> all = prompts.versions(step.promptName());
        if (all.isEmpty()) {
            problems.add(where + ".prompt: there is no prompt '" + PromptNames.shown(step.promptName())
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
            problems.add(where + ".prompt: prompt '" + PromptNames.shown(step.promptName()) + "' has no version "
                    + wanted + " (it has 1 to " + all.size() + ")");
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

    /** Every {@code steps.NAME…} of step {@code i}'s templates: an earlier step of its chain, a field it has. */
    private static void stepFieldProblems(
            Pipeline pipeline, List<PromptVersion> versions, int i, List<String> problems) {
        PipelineStep step = pipeline.steps().get(i);
        PromptVersion version = versions.get(i);
        List<PipelineStep> chain = pipeline.ancestors(i);
        Set<String> names =
                new LinkedHashSet<>(Placeholders.names(version.template().system()));
        names.addAll(Placeholders.names(version.template().user()));
        boolean stepPrompt = version.mode() == PromptMode.SYNTHESIZE && Placeholders.readsSteps(version);
        for (String name : names) {
            if (stepPrompt && name.startsWith("record.")) {
                recordProblem(pipeline, i, name, problems);
            }
            if (stepPrompt && name.startsWith("condition.")) {
                conditionProblem(pipeline, versions, i, name, problems);
            }
            if (!name.startsWith("steps.")) {
                continue;
            }
            String[] parts = name.split("\\.", 3);
            String where = "steps[" + i + "] (" + step.name() + "): prompt '" + PromptNames.shown(step.prompt())
                    + "' uses {{" + name + "}}";
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
    private static void recordProblem(Pipeline pipeline, int i, String name, List<String> problems) {
        List<PipelineStep> chain = pipeline.ancestors(i);
        PipelineStep first = chain.isEmpty() ? pipeline.steps().get(i) : chain.get(chain.size() - 1);
        if (first.source().kind() != StepInput.Kind.DATASET) {
            PipelineStep step = pipeline.steps().get(i);
            problems.add("steps[" + i + "] (" + step.name() + "): prompt '" + PromptNames.shown(step.prompt())
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
            Pipeline pipeline, List<PromptVersion> versions, int i, String name, List<String> problems) {
        String wanted = name.substring("condition.".length());
        Set<String> declared = new LinkedHashSet<>();
        List<PipelineStep> chain = new ArrayList<>(List.of(pipeline.steps().get(i)));
        chain.addAll(pipeline.ancestors(i));
        for (PipelineStep s : chain) {
            PromptVersion v = versions.get(pipeline.indexOf(s.name()).getAsInt());
            if (v == null) {
                // A prompt not found is said already; what its conditions would be is not known.
                return;
            }
            v.conditions().forEach(c -> declared.add(c.name()));
        }
        if (!declared.contains(wanted)) {
            PipelineStep step = pipeline.steps().get(i);
            problems.add("steps[" + i + "] (" + step.name() + "): prompt '" + PromptNames.shown(step.prompt())
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
