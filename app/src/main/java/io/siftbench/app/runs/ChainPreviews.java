package io.siftbench.app.runs;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineFileException;
import io.siftbench.model.pipelines.PipelinePrompts;
import io.siftbench.model.pipelines.PipelineStep;
import io.siftbench.model.pipelines.StepInput;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.pipelines.ChainPreview;
import io.siftbench.views.pipelines.ChainPreviewer;
import io.siftbench.views.task.BackgroundTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Pipelines editor's previews of {@code project}'s pipeline drafts: the draft checked as saving checks it, then
 * each step sampled in order through one client of the chosen backend ({@link StudioPreviews#withClient}), a first
 * step planned as the studio's preview plans a prompt, a later step planned from the valid samples its input step
 * made just before, as {@link io.siftbench.model.pipelines.ChainedSamples} hands a step's run its parents. Nothing
 * is stored. A record, as the editor compares what it was given to tell whether the project is still the open one.
 */
public record ChainPreviews(Project project, FirstUseDetection firstUse) implements ChainPreviewer {

    /** A step's sample made in the preview, with what a later step reading it sees: its record and its chain. */
    private record Made(
            int step, Sample sample, Made root, Map<String, Object> record, Map<String, Map<String, Object>> steps) {}

    @Override
    public ChainPreview preview(
            Pipeline draft,
            String dataset,
            BackendConfig backend,
            GenerationParameters parameters,
            int n,
            BackgroundTask.Progress progress)
            throws InterruptedException {
        if (backend == null) {
            throw new IllegalArgumentException("Choose the backend to preview with (add one in Settings).");
        }
        Pipeline pinned = checked(draft);
        DatasetInfo records = datasetOf(pinned, dataset);
        return StudioPreviews.withClient(firstUse, backend, (client, detection) -> {
            ProjectRuns runs = new ProjectRuns(project, run -> client, EmbeddingModels::miniLm);
            List<List<Made>> made = new ArrayList<>();
            List<Made> roots = new ArrayList<>();
            List<PipelineStep> steps = pinned.steps();
            for (int i = 0; i < steps.size() && !progress.isCancelled(); i++) {
                PipelineStep step = steps.get(i);
                progress.update(i, steps.size(), "Step " + (i + 1) + " of " + steps.size() + ": " + step.name());
                PromptVersion version = project.prompts().load(step.promptName(), step.promptVersion());
                long seed = version.plan().seed() == null ? 0 : version.plan().seed();
                List<Made> out = new ArrayList<>();
                if (step.source().kind() == StepInput.Kind.STEP) {
                    List<Made> parents = made
                            .get(pinned.indexOf(step.source().step()).getAsInt())
                            .stream()
                            .filter(m -> !m.sample().failed() && m.sample().valid())
                            .toList();
                    List<Sample> samples = runs.previewChained(
                            version,
                            parents.stream()
                                    .map(m -> new RunPlanner.Chained(m.sample(), m.record(), m.steps()))
                                    .toList(),
                            seed,
                            client,
                            parameters,
                            progress::isCancelled);
                    for (int k = 0; k < samples.size(); k++) {
                        Made parent = parents.get(k);
                        out.add(made(i, step, samples.get(k), rootOf(parent), parent.record(), parent.steps(), null));
                    }
                } else {
                    List<Sample> samples = runs.preview(
                            version,
                            records == null ? null : records.id(),
                            null,
                            n,
                            seed,
                            client,
                            parameters,
                            progress::isCancelled);
                    Map<Long, DatasetRecord> read = recordsOf(records, samples);
                    for (Sample s : samples) {
                        DatasetRecord record = s.slot().recordId() == null
                                ? null
                                : read.get(s.slot().recordId());
                        Made root = made(
                                i,
                                step,
                                s,
                                null,
                                record == null ? Map.of() : record.values(),
                                Map.of(),
                                record == null ? null : record.text(records.textColumn()));
                        out.add(root);
                        roots.add(root);
                    }
                }
                made.add(out);
            }
            List<ChainPreview.Chain> chains = new ArrayList<>();
            for (Made root : roots) {
                List<ChainPreview.Link> links = new ArrayList<>();
                for (List<Made> ofStep : made) {
                    ofStep.stream()
                            .filter(m -> rootOf(m) == root)
                            .forEach(m -> links.add(new ChainPreview.Link(
                                    m.step(), steps.get(m.step()).name(), m.sample())));
                }
                chains.add(new ChainPreview.Chain(links));
            }
            return new ChainPreview(chains, detection);
        });
    }

    /**
     * A sample of step {@code index}, with the chain a later step reads: the earlier steps' samples and its own, by
     * step name, as a step's run sees them ({@code {{steps.NAME.FIELD}}}).
     *
     * @param rootOrNull the first step's sample of its chain; null when this is one
     * @param recordText an annotated sample's text, its record's; null for a written text
     */
    private static Made made(
            int index,
            PipelineStep step,
            Sample sample,
            Made rootOrNull,
            Map<String, Object> record,
            Map<String, Map<String, Object>> earlier,
            String recordText) {
        Map<String, Map<String, Object>> chain = new LinkedHashMap<>(earlier);
        String text = sample.text() != null || recordText == null ? sample.text() : recordText;
        chain.put(step.name(), new RunPlanner.Judged(sample, record, text).asSample());
        return new Made(index, sample, rootOrNull, record, chain);
    }

    /** The first step's sample of {@code m}'s chain: {@code m} itself for a first step's. */
    private static Made rootOf(Made m) {
        return m.root() == null ? m : m.root();
    }

    /**
     * The draft with its prompts pinned, through the checks of a save (its name aside: a draft not named yet
     * previews too).
     *
     * @throws PipelineFileException naming each step and field that does not fit
     */
    private Pipeline checked(Pipeline draft) {
        List<String> problems = PipelineFile.problems(draft).stream()
                .filter(p -> !p.startsWith("name:"))
                .toList();
        if (!problems.isEmpty()) {
            throw new PipelineFileException("Cannot preview the pipeline: " + String.join("; ", problems));
        }
        // A dialogue, a bootstrap and a topic tree are several runs a step, which a preview of a few slots through
        // each step does not make: said, rather than a preview that shows something else.
        for (PipelineStep step : draft.steps()) {
            String kind = step.dialogue() != null
                    ? "a dialogue"
                    : step.bootstrap() != null ? "a bootstrap" : step.tree() != null ? "a topic tree" : null;
            if (kind != null) {
                throw new PipelineFileException("Cannot preview the pipeline: step '" + step.name() + "' is " + kind
                        + ", whose turns, rounds or levels Preview through the chain does not run; run the pipeline"
                        + " on a few samples instead.");
            }
        }
        try {
            return new PipelinePrompts(project.prompts()).pinned(draft);
        } catch (PipelineFileException e) {
            throw new PipelineFileException(
                    e.getMessage().replaceFirst("^Cannot save pipeline '[^']*'", "Cannot preview the pipeline"));
        }
    }

    /** The dataset a {@code dataset} step annotates, by its name; null when no step annotates one. */
    private DatasetInfo datasetOf(Pipeline pipeline, String name) {
        PipelineStep annotating = pipeline.steps().stream()
                .filter(s -> s.source().kind() == StepInput.Kind.DATASET)
                .findFirst()
                .orElse(null);
        if (annotating == null) {
            return null;
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "Step '" + annotating.name() + "' annotates a dataset: choose the dataset to preview with.");
        }
        return project.datasets()
                .find(name.strip())
                .orElseThrow(() -> new ProjectException("There is no dataset '" + name + "' in this project."));
    }

    private Map<Long, DatasetRecord> recordsOf(DatasetInfo dataset, List<Sample> samples) {
        Map<Long, DatasetRecord> out = new HashMap<>();
        if (dataset != null) {
            project.datasets()
                    .records(
                            dataset.id(),
                            samples.stream()
                                    .map(s -> s.slot().recordId())
                                    .filter(Objects::nonNull)
                                    .toList())
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }
}
