package io.siftbench.model.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.model.runs.Slot;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic trees of a project's pipeline runs ({@link TopicTree}): a tree is read from its levels' samples (each
 * slot expands one topic, named by its path; its output lists the subtopics) with the researcher's edits applied in
 * the order made ({@link TreeEditStore}), so nothing of the tree itself is stored and a resume reads it the same.
 * A level's topics, and the leaves a later step takes, are fixed in that run's cells when it is made, so that its
 * plan never changes afterwards.
 */
public final class TopicTrees {

    /** The condition of a level's or a leaves step's slot that holds the topic's path, beside its name. */
    public static final String PATH = "path";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineStore pipelines;
    private final RunStore runs;
    private final SampleStore samples;
    private final TreeEditStore edits;

    public TopicTrees(PipelineStore pipelines, RunStore runs, SampleStore samples, TreeEditStore edits) {
        this.pipelines = pipelines;
        this.runs = runs;
        this.samples = samples;
        this.edits = edits;
    }

    /** The tree of step {@code step} of pipeline run {@code pipelineRun} as it stands: its levels and edits. */
    public TopicNode tree(long pipelineRun, int step) {
        return grown(pipelineRun, step, StepRounds.of(runs, pipelineRun, step));
    }

    /** The runs of the tree's levels made so far, in order. */
    public List<RunInfo> levels(long pipelineRun, int step) {
        return StepRounds.of(runs, pipelineRun, step);
    }

    /** Whether the researcher has approved the tree, so that a pipeline run waiting for its review goes on. */
    public boolean approved(long pipelineRun, int step) {
        return edits.list(pipelineRun, step).stream().anyMatch(e -> e.kind() == TreeEdit.Kind.APPROVE);
    }

    /** The cells of a tree's first level: the root. */
    static List<Map<String, String>> rootCells(TopicTree tree) {
        return List.of(cell(tree.conditionName(), tree.root(), tree.root()));
    }

    /**
     * The cells of a step taking the leaves of step {@code treeStep}'s tree: each leaf as the step's condition and
     * its path.
     */
    List<Map<String, String>> leafCells(long pipelineRun, int treeStep, TopicLeaves leaves) {
        return tree(pipelineRun, treeStep).leaves().stream()
                .map(n -> cell(leaves.conditionName(), n.name(), n.path()))
                .toList();
    }

    /** Whether {@code run} is a level of a tree step or a step taking a tree's leaves: both plan from their cells. */
    public boolean plansFromCells(RunInfo run) {
        Optional<StepLink> link = PipelineRunner.linkOf(run);
        if (link.isEmpty()) {
            return false;
        }
        PipelineStep step = step(link.get());
        return step.leaves() != null || (step.tree() != null && link.get().round() != null);
    }

    /** The slots of a level (one per topic to expand) or of a leaves step (its count per leaf), from its cells. */
    public List<Slot> plan(RunInfo run, PromptVersion version) {
        List<Map<String, String>> cells =
                RunDetails.fromJson(run.config().details()).cells();
        return new RunPlanner(version).synthesizeWritten(run.config().target(), cells);
    }

    /** The level after those of {@code made} (each complete), or empty when the tree is as deep as asked. */
    Optional<RunConfig> next(List<RunInfo> made) {
        RunInfo last = made.get(made.size() - 1);
        StepLink link = PipelineRunner.linkOf(last).orElseThrow();
        TopicTree spec = step(link).tree();
        if (made.size() >= spec.depth()) {
            return Optional.empty();
        }
        List<Map<String, String>> cells = grown(link.pipelineRun(), link.step(), made).all().stream()
                .filter(n -> n.depth() == made.size())
                .map(n -> cell(spec.conditionName(), n.name(), n.path()))
                .toList();
        return cells.isEmpty()
                ? Optional.empty()
                : Optional.of(StepRounds.nextRound(last, cells.size(), d -> d.withCells(cells)));
    }

    private TopicNode grown(long pipelineRun, int step, List<RunInfo> levels) {
        PipelineRun run = pipelines
                .findRun(pipelineRun)
                .orElseThrow(() -> new ProjectException("Pipeline run " + pipelineRun + " is gone."));
        TopicTree spec = run.pipeline().pipeline().steps().get(step).tree();
        TopicNode root = TopicNode.leaf(spec.root(), null, 0);
        Map<String, TopicNode> byPath = new LinkedHashMap<>();
        byPath.put(root.path(), root);
        for (RunInfo level : levels) {
            List<Sample> expanded = new ArrayList<>(samples.list(level.id(), 0, Integer.MAX_VALUE));
            expanded.sort(java.util.Comparator.comparingInt(s -> s.slot().ordinal()));
            for (Sample s : expanded) {
                TopicNode node = byPath.get(s.conditions().get(PATH));
                if (node == null || s.failed() || !s.valid()) {
                    continue;
                }
                for (String name : subtopics(s, spec.fieldName())) {
                    if (node.child(name).isEmpty()) {
                        TopicNode child = TopicNode.leaf(name, node.path(), node.depth() + 1);
                        node.children().add(child);
                        byPath.put(child.path(), child);
                    }
                }
            }
        }
        for (TreeEdit e : edits.list(pipelineRun, step)) {
            TopicNode at = byPath.get(e.path());
            if (at == null) {
                continue;
            }
            switch (e.kind()) {
                case PRUNE -> {
                    String parent = e.path().substring(0, Math.max(0, e.path().lastIndexOf('/')));
                    TopicNode up = byPath.get(parent);
                    if (up != null) {
                        up.children().remove(at);
                        at.all().forEach(n -> byPath.remove(n.path()));
                    }
                }
                case ADD -> {
                    if (at.child(e.name()).isEmpty()) {
                        TopicNode child = TopicNode.leaf(e.name(), at.path(), at.depth() + 1);
                        at.children().add(child);
                        byPath.put(child.path(), child);
                    }
                }
                case APPROVE -> {}
            }
        }
        return root;
    }

    /** The subtopics a sample's output lists: each text, trimmed, a {@code /} in it made a {@code -}. */
    static List<String> subtopics(Sample s, String field) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode list =
                    s.parsed() == null ? null : JSON.readTree(s.parsed()).get(field);
            if (list != null && list.isArray()) {
                for (JsonNode item : list) {
                    String name = item.asText("").strip().replace('/', '-');
                    if (!name.isEmpty() && !out.contains(name)) {
                        out.add(name);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // An output that is no JSON expands nothing; validation has already said so.
        }
        return out;
    }

    private static Map<String, String> cell(String condition, String name, String path) {
        Map<String, String> cell = new LinkedHashMap<>();
        cell.put(condition, name);
        cell.put(PATH, path);
        return cell;
    }

    /** The step a run is, counted as its runs are: a dialogue's turns are steps of their own. */
    private PipelineStep step(StepLink link) {
        return DialogueTurns.unrolled(pipelines
                        .findRun(link.pipelineRun())
                        .orElseThrow(() -> new ProjectException("Pipeline run " + link.pipelineRun() + " is gone."))
                        .pipeline()
                        .pipeline())
                .steps()
                .get(link.step());
    }
}
