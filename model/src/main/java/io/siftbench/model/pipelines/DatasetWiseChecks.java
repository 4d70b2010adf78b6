package io.siftbench.model.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.PromptVersion;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The shape checks of the dataset-wise steps of a pipeline file ({@link PipelineFile} calls them for each step):
 * a step that bootstraps from seeds, one that grows a topic tree, and one that takes a tree's leaves. Each grows or
 * reads a set rather than continuing samples one by one, so none of them is continued by a later step's
 * {@code step:NAME} (not built: a bootstrap's samples are spread over its rounds, a tree's over its levels).
 */
final class DatasetWiseChecks {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    /** The deepest tree a step may grow: each level multiplies the requests. */
    static final int MAX_DEPTH = 6;

    private DatasetWiseChecks() {}

    static void problems(Pipeline pipeline, int i, PipelineStep step, String where, List<String> problems) {
        int kinds =
                (step.bootstrap() == null ? 0 : 1) + (step.tree() == null ? 0 : 1) + (step.leaves() == null ? 0 : 1);
        if (kinds > 1) {
            problems.add(where + ": a step either bootstraps, grows a tree or takes a tree's leaves, not several");
        }
        if (kinds > 0 && !"none".equals(step.input())) {
            problems.add(where + ".input: a step that "
                    + (step.bootstrap() != null
                            ? "bootstraps from seeds"
                            : step.tree() != null ? "grows a topic tree" : "takes a tree's leaves")
                    + " makes its own slots: its input is \"none\"");
        }
        if (kinds > 0 && step.prefer() != null) {
            problems.add(
                    where + ".prefer: a step that " + (step.bootstrap() != null ? "bootstraps" : "works over a tree")
                            + " continues no sample to be preferred over");
        }
        if (step.bootstrap() != null) {
            bootstrapProblems(pipeline, i, step.bootstrap(), where + ".bootstrap", problems);
        }
        if (step.tree() != null) {
            treeProblems(step.tree(), where + ".tree", problems);
        }
        if (step.leaves() != null) {
            leavesProblems(pipeline, i, step.leaves(), where + ".leaves", problems);
        }
        StepInput.parse(step.input())
                .filter(in -> in.kind() == StepInput.Kind.STEP)
                .flatMap(in -> pipeline.indexOf(in.step()).stream().boxed().findFirst())
                .map(at -> pipeline.steps().get(at))
                .filter(parent -> parent != null && (parent.bootstrap() != null || parent.tree() != null))
                .ifPresent(parent -> problems.add(where + ".input: step '" + parent.name() + "' "
                        + (parent.bootstrap() != null
                                ? "bootstraps in rounds; a step continuing its samples is not built yet"
                                : "grows a topic tree; a later step takes its leaves with \"leaves\": {\"of\": \""
                                        + parent.name() + "\"} and input \"none\"")));
    }

    private static void bootstrapProblems(Pipeline pipeline, int i, Bootstrap b, String where, List<String> problems) {
        var seeds = b.source();
        if (seeds.isEmpty()) {
            problems.add(where + ".seeds: name the seed pool as \"dataset:COLUMN\" (a column of the run's --dataset)"
                    + " or \"step:NAME\" (an earlier step's samples)"
                    + (b.seeds() == null ? "" : "; got '" + PromptNames.shown(b.seeds()) + "'"));
        } else if (seeds.get().step() != null) {
            OptionalInt at = pipeline.indexOf(seeds.get().step());
            if (at.isEmpty() || at.getAsInt() >= i) {
                problems.add(where + ".seeds: '" + PromptNames.shown(seeds.get().step()) + "' is no earlier step");
            }
        }
        if (b.select() != null && (seeds.isEmpty() || seeds.get().step() == null)) {
            problems.add(where + ".select: only seeds from an earlier step (\"step:NAME\") are selected");
        } else if (b.select() != null && Selection.fromId(b.select()).isEmpty()) {
            problems.add(
                    where + ".select: take \"all-valid\" or \"accepted\"; got '" + PromptNames.shown(b.select()) + "'");
        }
        if (b.target() == null || b.target() < 1) {
            problems.add(where + ".target: say how many candidates to accept in all (at least 1)"
                    + (b.target() == null ? "" : "; got " + b.target()));
        }
        atLeastOne(b.perRound(), where + ".perRound", "candidates a round asks for", problems);
        atLeastOne(b.demonstrations(), where + ".demonstrations", "pool members a slot shows", problems);
        atLeastOne(b.maxRounds(), where + ".maxRounds", "rounds", problems);
        if (b.similarity() != null && !b.similarity().equals(Bootstrap.ROUGE_L) && !b.byEmbedding()) {
            problems.add(where + ".similarity: take \"rouge-l\" (as Self-Instruct) or \"embedding\" (the cosine of"
                    + " the texts' embeddings); got '" + b.similarity() + "'");
        }
        if (b.threshold() != null && !(b.threshold() > 0 && b.threshold() <= 1)) {
            problems.add(where + ".threshold: a ROUGE-L F is between 0 and 1; the threshold is above 0 and at most 1"
                    + " (Self-Instruct's is 0.7); got " + b.threshold());
        }
        if (b.minShare() != null && !(b.minShare() >= 0 && b.minShare() <= 1)) {
            problems.add(where + ".minShare: a share of a round's candidates is between 0 and 1; got " + b.minShare());
        }
    }

    private static void treeProblems(TopicTree tree, String where, List<String> problems) {
        if (tree.root() == null || tree.root().isBlank()) {
            problems.add(where + ".root: name the topic the tree grows from");
        } else if (tree.root().contains("/")) {
            problems.add(where + ".root: a topic has no '/' (it separates the topics of a path)");
        }
        if (tree.depth() == null || tree.depth() < 1 || tree.depth() > MAX_DEPTH) {
            problems.add(where + ".depth: a tree has 1 to " + MAX_DEPTH + " levels of subtopics"
                    + (tree.depth() == null ? "" : "; got " + tree.depth()));
        }
        name(tree.condition(), where + ".condition", problems);
        name(tree.field(), where + ".field", problems);
    }

    private static void leavesProblems(
            Pipeline pipeline, int i, TopicLeaves leaves, String where, List<String> problems) {
        OptionalInt at = leaves.of() == null ? OptionalInt.empty() : pipeline.indexOf(leaves.of());
        if (at.isEmpty()
                || at.getAsInt() >= i
                || pipeline.steps().get(at.getAsInt()).tree() == null) {
            problems.add(where + ".of: name an earlier step that grows a topic tree"
                    + (leaves.of() == null ? "" : "; '" + PromptNames.shown(leaves.of()) + "' is none"));
        }
        name(leaves.condition(), where + ".condition", problems);
        atLeastOne(leaves.count(), where + ".count", "slots per leaf", problems);
    }

    /**
     * A tree step's prompt and a leaves step's prompt see the topic as one of their conditions, so they declare it
     * (the values the prompt lists do not matter: the tree's topics take their place); a tree step's output lists
     * the subtopics in an array field of its schema.
     */
    static void promptProblems(PipelineStep step, PromptVersion version, String where, List<String> problems) {
        String condition = step.tree() != null
                ? step.tree().conditionName()
                : step.leaves() != null ? step.leaves().conditionName() : null;
        if (condition == null) {
            return;
        }
        if (version.conditions().stream().noneMatch(c -> c.name().equals(condition))) {
            problems.add(where + ".prompt: the step gives its prompt each topic as condition '" + condition + "', and '"
                    + PromptNames.shown(step.prompt()) + "' has no such condition");
        }
        if (step.tree() != null) {
            JsonNode schema = version.output() == null ? null : version.output().schema();
            String field = step.tree().fieldName();
            if (schema == null
                    || !"array"
                            .equals(schema.path("properties")
                                    .path(field)
                                    .path("type")
                                    .asText())) {
                problems.add(where + ".prompt: the tree reads the subtopics from the output field '" + field
                        + "', an array of strings, and the output schema of '" + PromptNames.shown(step.prompt())
                        + "' has no such array");
            }
        }
    }

    private static void atLeastOne(Integer value, String where, String what, List<String> problems) {
        if (value != null && value < 1) {
            problems.add(where + ": at least 1 " + what + "; got " + value);
        }
    }

    private static void name(String value, String where, List<String> problems) {
        if (value != null && !NAME.matcher(value).matches()) {
            problems.add(where + ": a name of 1 to 40 letters, digits, '_' or '-', starting with a letter; got '"
                    + PromptNames.shown(value) + "'");
        }
    }
}
