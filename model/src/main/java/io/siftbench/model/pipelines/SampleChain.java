package io.siftbench.model.pipelines;

import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earlier samples a pipeline step's sample continues, as the review card shows them: judging an answer needs
 * the question it answers. Read from each sample's parent up to the chain's first step. A dialogue's turn has the
 * conversation so far as its chain, each turn under its number and who speaks in it.
 *
 * @param parents the parent chain, oldest first (the first step's sample, …, the direct parent); empty for a
 *                sample that continues no earlier step
 * @param step    the name of the step the sample itself belongs to (its prompt's name outside pipelines); for a
 *                dialogue's turn, the turn and who speaks in it ("turn 4 · assistant"), as its turns are named
 * @param conversation whether the sample is a dialogue's turn, its chain the conversation so far, turn by turn
 */
public record SampleChain(List<Link> parents, String step, boolean conversation) {

    /** One earlier sample of the chain: its step's name and its text (what the model wrote when it has none). */
    public record Link(String step, String text) {}

    /** No chain: a sample that continues nothing, or no sample. */
    public static final SampleChain NONE = new SampleChain(List.of(), "", false);

    public SampleChain {
        parents = List.copyOf(parents);
    }

    /** Whether there is a chain to show. */
    public boolean present() {
        return !parents.isEmpty();
    }

    /**
     * "Chain: question → answer": the steps from the first to the sample's own; "Conversation: question → turn 1 ·
     * user → turn 2 · assistant" for a dialogue's turn.
     */
    public String title() {
        List<String> steps = new ArrayList<>(parents.stream().map(Link::step).toList());
        steps.add(step);
        return (conversation ? "Conversation: " : "Chain: ") + String.join(" → ", steps);
    }

    /** The chain as lines of text, oldest first, each "step: text" ("turn 2 · assistant: …" in a conversation). */
    public String transcript() {
        return String.join(
                "\n", parents.stream().map(l -> l.step() + ": " + l.text()).toList());
    }

    /** Reads the chain of {@code sample}, a sample of {@code run}. */
    public static SampleChain read(
            SampleStore samples, RunStore runs, PipelineStore pipelines, RunInfo run, Sample sample) {
        if (sample.slot().parentSampleId() == null) {
            return NONE;
        }
        List<Sample> chain = new ArrayList<>();
        Optional<Sample> parent = samples.find(sample.slot().parentSampleId());
        while (parent.isPresent()) {
            chain.add(parent.get());
            Long next = parent.get().slot().parentSampleId();
            parent = next == null ? Optional.empty() : samples.find(next);
        }
        Collections.reverse(chain);
        List<RunInfo> chainRuns = new ArrayList<>(List.of(run));
        chain.stream().map(Sample::runId).distinct().forEach(id -> runs.find(id).ifPresent(chainRuns::add));
        Map<Long, RunStep> steps = RunStep.of(chainRuns, pipelines);
        List<Link> links = chain.stream()
                .map(s -> new Link(stepName(steps, chainRuns, s.runId()), s.text() != null ? s.text() : s.rawOutput()))
                .toList();
        return new SampleChain(
                links, stepName(steps, chainRuns, run.id()), RunStep.turnOf(run).isPresent());
    }

    private static String stepName(Map<Long, RunStep> steps, List<RunInfo> runs, long runId) {
        RunStep step = steps.get(runId);
        if (step != null) {
            return step.link().turn() == null
                    ? step.name()
                    : "turn " + step.link().turn().number() + " · "
                            + step.link().turn().role();
        }
        return runs.stream()
                .filter(r -> r.id() == runId)
                .findFirst()
                .map(RunLabel::prompt)
                .orElse("run #" + runId);
    }
}
