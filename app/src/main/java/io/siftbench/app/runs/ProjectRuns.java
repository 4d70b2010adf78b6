package io.siftbench.app.runs;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.demonstrations.DemonstrationPicker;
import io.siftbench.model.demonstrations.RecordEmbeddings;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.pipelines.BootstrapRounds;
import io.siftbench.model.pipelines.ChainedSamples;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.StepPreferences;
import io.siftbench.model.pipelines.StepSelection;
import io.siftbench.model.pipelines.TopicTrees;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.ConditionPlan;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.runs.AnnotatePlan;
import io.siftbench.model.runs.GoldColumns;
import io.siftbench.model.runs.JudgedSamples;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunInputs;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunPlan;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.RunSampler;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the run launcher of a project: runs are planned from their stored prompt version, dataset and
 * seed, and sampled through the backend each run names.
 */
public final class ProjectRuns {

    /** The name the embedding cache files vectors under. */
    public static final String EMBEDDING_MODEL = "all-minilm-l6-v2-q";

    private final Project project;
    private final Function<RunInfo, BackendClient> clients;
    private final Supplier<EmbeddingModel> embeddings;

    /**
     * @param clients    the backend client of a run (its concurrency is the run's)
     * @param embeddings the embedding model, loaded only when a strategy needs it
     */
    public ProjectRuns(Project project, Function<RunInfo, BackendClient> clients, Supplier<EmbeddingModel> embeddings) {
        this.project = project;
        this.clients = clients;
        this.embeddings = embeddings;
    }

    public RunLauncher launcher() {
        return new RunLauncher(project.runs(), project.samples(), this::plan, run -> sampler(run, clients.apply(run)));
    }

    /**
     * The sampler of {@code run} (its prompt version, parameters, votes and seed) over {@code client}: the run's
     * own backend for a live run, a batch file's answers for an import.
     */
    public RunSampler sampler(RunInfo run, BackendClient client) {
        PromptVersion version = project.prompts().load(run.config().promptVersionId());
        RunDetails details = RunDetails.fromJson(run.config().details());
        return new RunSampler(
                client,
                details.parameters(),
                run.config().parameters(),
                version,
                run.config().votes(),
                run.config().seed());
    }

    /**
     * Every slot of {@code run}, from its stored configuration alone: an annotate run's streamed from its dataset
     * ({@link AnnotatePlan}), the others' made now.
     */
    public RunPlan plan(RunInfo run) {
        PromptVersion version = project.prompts().load(run.config().promptVersionId());
        RunDetails details = RunDetails.fromJson(run.config().details());
        if (version.mode() == PromptMode.ANNOTATE && run.config().datasetId() == null) {
            throw new ProjectException("Run " + run.id() + " annotates, but its dataset is gone.");
        }
        if (version.mode() == PromptMode.JUDGE) {
            return RunPlan.of(judge(version, judged().of(run)));
        }
        if (details.step() != null
                && details.step().round() != null
                && bootstrap().isRound(run)) {
            return RunPlan.of(bootstrap().plan(run, version));
        }
        if (details.step() != null && trees().plansFromCells(run)) {
            return RunPlan.of(trees().plan(run, version));
        }
        if (details.step() != null && details.step().continuesAStep()) {
            return RunPlan.of(new RunPlanner(version).chain(chained().of(run), demonstrations(version, null)));
        }
        return plan(
                version,
                run.config().datasetId(),
                details,
                run.config().target(),
                run.config().seed());
    }

    /**
     * Samples {@code n} slots of {@code draft} now, planned as a run of it would be (annotate: a seeded random
     * subset of {@code datasetId}; judge: the first {@code n} answered samples of {@code judgedRunId}), through
     * {@code client}; nothing is stored. The studio's "Preview".
     */
    public List<Sample> preview(
            PromptVersion draft,
            Long datasetId,
            Long judgedRunId,
            int n,
            long seed,
            BackendClient client,
            GenerationParameters parameters,
            BooleanSupplier cancelled)
            throws InterruptedException {
        if (draft.mode() == PromptMode.ANNOTATE && datasetId == null) {
            throw new ProjectException("Choose the dataset whose records the preview annotates.");
        }
        if (draft.mode() == PromptMode.JUDGE && judgedRunId == null) {
            throw new ProjectException("Choose the run whose samples the preview judges.");
        }
        RunDetails details = RunDetails.of(n, parameters);
        List<Slot> slots = draft.mode() == PromptMode.JUDGE
                ? judge(draft, judged().first(judgedRunId, n))
                : plan(draft, datasetId, details, n, seed).slots();
        return sampleEach(draft, slots, details, seed, client, parameters, cancelled);
    }

    /**
     * Samples one slot of {@code version} for each of {@code parents} now, planned as a pipeline step's run plans
     * them from the samples of the step it reads; nothing is stored. The Pipelines editor's preview through the
     * chain, whose earlier steps' samples were made in the same preview.
     */
    public List<Sample> previewChained(
            PromptVersion version,
            List<RunPlanner.Chained> parents,
            long seed,
            BackendClient client,
            GenerationParameters parameters,
            BooleanSupplier cancelled)
            throws InterruptedException {
        List<Slot> slots = new RunPlanner(version).chain(parents, demonstrations(version, null));
        return sampleEach(version, slots, RunDetails.of(slots.size(), parameters), seed, client, parameters, cancelled);
    }

    private static List<Sample> sampleEach(
            PromptVersion version,
            List<Slot> slots,
            RunDetails details,
            long seed,
            BackendClient client,
            GenerationParameters parameters,
            BooleanSupplier cancelled)
            throws InterruptedException {
        RunSampler sampler = new RunSampler(client, parameters, details.parametersJson(), version, 1, seed);
        List<Sample> samples = new ArrayList<>();
        for (Slot slot : slots) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            samples.add(sampler.generate(0, slot));
        }
        return samples;
    }

    /** Runs the steps of the project's pipeline runs, each step's run through {@link #launcher()}. */
    public PipelineRunner pipelines() {
        return new PipelineRunner(
                project.pipelines(),
                project.prompts(),
                project.runs(),
                project.datasets(),
                new StepSelection(project.runSources(), project.decisions()),
                chained(),
                new StepPreferences(chained(), project.samples(), project.preferences()),
                launcher(),
                bootstrap(),
                trees());
    }

    /** The topic trees of the project's pipeline runs, with the researcher's edits. */
    public TopicTrees trees() {
        return new TopicTrees(project.pipelines(), project.runs(), project.samples(), project.treeEdits());
    }

    /** The rounds of the project's bootstrap steps: their pools, their slots. */
    public BootstrapRounds bootstrap() {
        return new BootstrapRounds(
                project.pipelines(),
                project.runs(),
                project.samples(),
                project.datasets(),
                chained(),
                () -> new SampleEmbedder(embeddings.get()).cachedIn(project.textEmbeddings()));
    }

    private JudgedSamples judged() {
        return new JudgedSamples(project.runs(), project.samples(), project.datasets());
    }

    private ChainedSamples chained() {
        return new ChainedSamples(project.pipelines(), project.runs(), project.samples(), judged());
    }

    /** One slot per judged sample, with the demonstrations of the judge prompt. */
    private List<Slot> judge(PromptVersion version, List<RunPlanner.Judged> judged) {
        return new RunPlanner(version).judge(judged, demonstrations(version, null));
    }

    /** @param details which records an annotate run takes (filter, subset size), which cells a synthesis fills */
    private RunPlan plan(PromptVersion version, Long datasetId, RunDetails details, int target, long seed) {
        RunPlanner planner = new RunPlanner(version);
        if (version.mode() == PromptMode.SYNTHESIZE) {
            return RunPlan.of(planner.synthesize(target, demonstrations(version, null), details.cells()));
        }
        DatasetInfo dataset = project.datasets().list().stream()
                .filter(d -> d.id() == datasetId)
                .findFirst()
                .orElseThrow(() -> new ProjectException("The dataset this run annotates is gone."));
        long[] ids = RunPlanner.chooseInputs(
                RunInputs.takenIds(project.datasets(), datasetId, details), details.limit(), seed);
        return new AnnotatePlan(
                planner,
                ConditionPlan.of(version),
                demonstrations(version, datasetId),
                project.datasets(),
                datasetId,
                GoldColumns.of(dataset, version),
                ids);
    }

    private RunPlanner.DemonstrationSource demonstrations(PromptVersion version, Long inputDataset) {
        Demonstrations spec = version.demonstrations();
        if (spec == null || spec.k() == 0) {
            return RunPlanner.DemonstrationSource.NONE;
        }
        DatasetInfo source = project.datasets()
                .find(spec.dataset())
                .orElseThrow(() -> new ProjectException("The prompt takes its demonstrations from dataset '"
                        + spec.dataset() + "', which this project has not."));
        List<Demonstration> pool = Demonstration.pool(project.datasets(), source.id(), spec);
        boolean byMeaning =
                spec.strategy() == DemonstrationStrategy.SIMILAR || spec.strategy() == DemonstrationStrategy.DIVERSE;
        RecordEmbeddings vectors =
                byMeaning ? new RecordEmbeddings(embeddings.get(), EMBEDDING_MODEL, project.recordEmbeddings()) : null;
        DemonstrationPicker picker =
                new DemonstrationPicker(spec, pool, byMeaning ? vectors.of(source.id(), pool) : Map.of());
        boolean sameDataset = inputDataset != null && inputDataset == source.id();
        return (ordinal, input) -> picker.pick(new DemonstrationPicker.Query(
                ordinal,
                sameDataset && input != null ? input.id() : null,
                byMeaning && input != null ? vectors.of(textOf(input, spec)) : null));
    }

    private static String textOf(RunPlanner.Input input, Demonstrations spec) {
        Object text = input.columns().get(spec.text());
        return text == null ? "" : text.toString();
    }
}
