package io.siftbench.model.prompts;

/** The condition plan of a prompt version: its kind and the seed of its random choices. */
public record Plan(PlanKind kind, Long seed) {

    public Plan {
        kind = kind == null ? PlanKind.ALL : kind;
        seed = seed == null ? 0L : seed;
    }

    public static Plan of(PlanKind kind, long seed) {
        return new Plan(kind, seed);
    }
}
