package io.siftbench.model.compare;

import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of Compare beside the base run: the base run's inputs, seed, votes and parameters with exactly
 * one thing changed — the prompt version, the backend or model, or the setting of one condition.
 */
public sealed interface Variant {

    /** How the column is headed: "intent v2", "ollama llama3.2", "tone off". */
    String describe();

    /**
     * The configuration of this variant's run beside a run configured as {@code base}.
     *
     * @param prompts where a condition variant finds, or saves, the prompt version it needs
     * @throws IllegalArgumentException when the variant would change nothing, or more than it may
     */
    RunConfig configOf(RunConfig base, PromptStore prompts);

    /** Another version of a prompt in the base run's mode. */
    record PromptChange(StoredVersion version) implements Variant {

        @Override
        public String describe() {
            return version.name() + " v" + version.version();
        }

        @Override
        public RunConfig configOf(RunConfig base, PromptStore prompts) {
            if (version.mode() != base.mode()) {
                throw new IllegalArgumentException(
                        describe() + " " + version.mode().id() + "s, but the base run "
                                + base.mode().id() + "s: a variant changes one thing only.");
            }
            if (version.id() == base.promptVersionId()) {
                throw new IllegalArgumentException(describe() + " is the base run's own prompt version.");
            }
            return base.withPromptVersion(version.id());
        }
    }

    /** Another backend, or another model on the same backend. */
    record BackendChange(BackendRef backend) implements Variant {

        @Override
        public String describe() {
            return backend.kind() + " " + (backend.model() == null ? backend.location() : backend.model());
        }

        @Override
        public RunConfig configOf(RunConfig base, PromptStore prompts) {
            if (backend.equals(base.backend())) {
                throw new IllegalArgumentException(
                        describe() + " at " + backend.location() + " is the base run's own backend and model.");
            }
            return base.withBackend(backend);
        }
    }

    /**
     * One condition of the base run's prompt version set otherwise: switched off ({@code values} empty), or
     * restricted to {@code values}. Its run sends a prompt version that differs from the base run's in that
     * condition only, found among the prompt's versions or saved as the next one with the note
     * "compare: …" — versions never change, so this is how every prompt change is kept.
     */
    record ConditionChange(String condition, List<String> values) implements Variant {

        public ConditionChange {
            values = List.copyOf(values);
        }

        /** The condition switched off. */
        public static ConditionChange off(String condition) {
            return new ConditionChange(condition, List.of());
        }

        @Override
        public String describe() {
            return values.isEmpty() ? condition + " off" : condition + " = " + String.join(", ", values);
        }

        @Override
        public RunConfig configOf(RunConfig base, PromptStore prompts) {
            PromptVersion from = prompts.load(base.promptVersionId());
            PromptVersion wanted = applyTo(from);
            if (wanted.withNote("").equals(from.withNote(""))) {
                throw new IllegalArgumentException("Prompt '" + from.name() + "' has " + describe()
                        + " already: the variant would change nothing.");
            }
            long id = prompts.versions(from.name()).stream()
                    .filter(v -> v.mode() == from.mode()
                            && prompts.load(v.id()).withNote("").equals(wanted))
                    .map(StoredVersion::id)
                    .findFirst()
                    .orElseGet(() -> prompts.save(wanted.withNote("compare: " + describe()))
                            .id());
            return base.withPromptVersion(id);
        }

        /**
         * {@code version} with this condition set, its note cleared.
         *
         * @throws IllegalArgumentException naming the condition or value the version does not have
         */
        public PromptVersion applyTo(PromptVersion version) {
            List<Condition> conditions = new ArrayList<>(version.conditions());
            int at = -1;
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i).name().equals(condition)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException(
                        "Prompt '" + version.name() + "' has no condition '" + condition + "'.");
            }
            Condition current = conditions.get(at);
            for (String value : values) {
                if (current.values().stream().noneMatch(v -> v.value().equals(value))) {
                    throw new IllegalArgumentException("Condition '" + condition + "' of prompt '" + version.name()
                            + "' has no value '" + value + "'.");
                }
            }
            conditions.set(
                    at,
                    values.isEmpty()
                            ? current.withEnabled(false)
                            : current.withEnabled(true)
                                    .withValues(current.values().stream()
                                            .map(v -> v.withEnabled(values.contains(v.value())))
                                            .toList()));
            return version.withConditions(conditions).withNote("");
        }
    }
}
