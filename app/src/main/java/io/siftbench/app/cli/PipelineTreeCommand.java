package io.siftbench.app.cli;

import io.siftbench.model.pipelines.PipelineRun;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineStep;
import io.siftbench.model.pipelines.TopicNode;
import io.siftbench.model.pipelines.TopicTrees;
import io.siftbench.model.pipelines.TreeEdit;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.StepLink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench pipeline tree}: the topic tree a tree step of a pipeline run grew, and the researcher's changes to
 * it before a later step takes its leaves.
 */
@Command(
        name = "tree",
        mixinStandardHelpOptions = true,
        description =
                "Show the topic tree of a pipeline run's tree step (any of its levels' runs names it): {pipelineRun,"
                        + " step, levels, tree, leaves, approved}; with --prune PATH or --add PATH=NAME change it first (a"
                        + " step taking its leaves takes them as they are when its run is made), with --approve let a"
                        + " pipeline run waiting for its review go on.")
public final class PipelineTreeCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--run", required = true, paramLabel = "R", description = "A run of one of the tree's levels.")
    long run;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(
                names = "--prune",
                paramLabel = "PATH",
                description = "Take the topic at PATH (topics from the root joined by '/') and all under it out.")
        String prune;

        @Option(names = "--add", paramLabel = "PATH=NAME", description = "Add the topic NAME under the topic at PATH.")
        String add;

        @Option(names = "--approve", description = "The tree is ready: a pipeline run waiting for it goes on.")
        boolean approve;
    }

    @Spec
    CommandSpec spec;

    /** One level of the tree: its run and how many topics it expanded. */
    record Level(int level, long run, String status, int topics) {}

    /** A topic, with the topics under it. */
    record Topic(String topic, String path, List<Topic> children) {
        static Topic of(TopicNode n) {
            return new Topic(
                    n.name(), n.path(), n.children().stream().map(Topic::of).toList());
        }
    }

    record Shown(
            long pipelineRun, String step, List<Level> levels, Topic tree, List<String> leaves, boolean approved) {}

    @Override
    public Integer call() {
        try (Project open = project.open()) {
            RunInfo level = open.runs()
                    .find(run)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "There is no run " + run + " in " + open.file() + "."));
            Optional<StepLink> link = PipelineRunner.linkOf(level).filter(l -> l.round() != null);
            PipelineRun pipelineRun =
                    link.flatMap(l -> open.pipelines().findRun(l.pipelineRun())).orElse(null);
            PipelineStep step = pipelineRun == null
                    ? null
                    : pipelineRun.pipeline().pipeline().steps().get(link.get().step());
            if (step == null || step.tree() == null) {
                throw new ParameterException(
                        spec.commandLine(), "Run " + run + " is no level of a pipeline's topic tree step.");
            }
            TopicTrees trees = new TopicTrees(open.pipelines(), open.runs(), open.samples(), open.treeEdits());
            long pipelineRunId = pipelineRun.id();
            int index = link.get().step();
            if (change != null) {
                TreeEdit edit = edit(trees.tree(pipelineRunId, index));
                if (edit.kind() != TreeEdit.Kind.APPROVE) {
                    refuseOnceTaken(open, pipelineRun, step);
                }
                open.treeEdits().add(pipelineRunId, index, edit);
            }
            TopicNode tree = trees.tree(pipelineRunId, index);
            JsonOut.print(
                    spec.commandLine().getOut(),
                    new Shown(
                            pipelineRunId,
                            step.name(),
                            trees.levels(pipelineRunId, index).stream()
                                    .map(r -> new Level(
                                            PipelineRunner.linkOf(r)
                                                    .orElseThrow()
                                                    .round(),
                                            r.id(),
                                            r.status().id(),
                                            r.config().target()))
                                    .toList(),
                            Topic.of(tree),
                            tree.leaves().stream().map(TopicNode::path).toList(),
                            trees.approved(pipelineRunId, index)));
        }
        return 0;
    }

    /** The edit asked for, checked against the tree as it stands; a bad one is refused and nothing stored. */
    private TreeEdit edit(TopicNode tree) {
        if (change.approve) {
            return new TreeEdit(TreeEdit.Kind.APPROVE, tree.path(), null);
        }
        if (change.prune != null) {
            if (change.prune.equals(tree.path())) {
                throw new ParameterException(
                        spec.commandLine(), "--prune: '" + change.prune + "' is the root; a tree keeps its root.");
            }
            return new TreeEdit(
                    TreeEdit.Kind.PRUNE, existing(tree, change.prune, "--prune").path(), null);
        }
        int equals = change.add.lastIndexOf('=');
        String name = equals < 0 ? "" : change.add.substring(equals + 1).strip();
        if (equals < 1 || name.isEmpty() || name.contains("/")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--add takes PATH=NAME, a topic's path and a new name without '/'; got '" + change.add + "'.");
        }
        TopicNode parent = existing(tree, change.add.substring(0, equals), "--add");
        if (parent.child(name).isPresent()) {
            throw new ParameterException(
                    spec.commandLine(), "--add: '" + parent.path() + "' has a topic '" + name + "' already.");
        }
        return new TreeEdit(TreeEdit.Kind.ADD, parent.path(), name);
    }

    private TopicNode existing(TopicNode tree, String path, String option) {
        return tree.all().stream()
                .filter(n -> n.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        option + ": the tree has no topic '" + path + "'; its leaves are "
                                + tree.leaves().stream().map(TopicNode::path).toList() + "."));
    }

    /** A step that took the leaves has its slots fixed: an edit now would change nothing it makes. */
    private void refuseOnceTaken(Project open, PipelineRun pipelineRun, PipelineStep tree) {
        var steps = pipelineRun.pipeline().pipeline().steps();
        for (RunInfo r : open.runs().list()) {
            Optional<StepLink> link = PipelineRunner.linkOf(r).filter(l -> l.pipelineRun() == pipelineRun.id());
            PipelineStep made = link.map(l -> steps.get(l.step())).orElse(null);
            if (made != null && made.leaves() != null && made.leaves().of().equals(tree.name())) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Step '" + made.name() + "' (run " + r.id() + ") has taken the leaves of the tree already;"
                                + " a change now would not change its slots. Run the pipeline again for another tree.");
            }
        }
    }
}
