package io.siftbench.storage.project;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.demonstrations.EmbeddingCache;
import io.siftbench.model.embeddings.TextEmbeddingCache;
import io.siftbench.model.insights.MetricSnapshots;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.pipelines.TreeEditStore;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewStore;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.storage.compare.H2PreferenceStore;
import io.siftbench.storage.datasets.H2DatasetStore;
import io.siftbench.storage.demonstrations.H2EmbeddingCache;
import io.siftbench.storage.embeddings.H2TextEmbeddingCache;
import io.siftbench.storage.insights.H2MetricSnapshots;
import io.siftbench.storage.pipelines.H2PipelineStore;
import io.siftbench.storage.pipelines.H2TreeEditStore;
import io.siftbench.storage.prompts.H2PromptStore;
import io.siftbench.storage.review.H2DecisionStore;
import io.siftbench.storage.review.H2ReviewStore;
import io.siftbench.storage.runs.H2RunStore;
import io.siftbench.storage.runs.H2SampleStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;

/** An open project backed by an embedded H2 file; hands out the stores of each feature. */
public final class H2Project implements Project {

    /**
     * How many times each file is open in this process. The file lock keeps other processes out, so a file
     * opened for the first time here is held by nobody else: a run that says running there was killed.
     */
    private static final Map<Path, Integer> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final JdbcConnectionPool pool;
    private final H2DatasetStore datasets;
    private final H2RunStore runs;
    private final H2SampleStore samples;
    private final H2PromptStore prompts;
    private final H2PipelineStore pipelines;
    private final H2TreeEditStore treeEdits;
    private final H2EmbeddingCache recordEmbeddings;
    private final H2TextEmbeddingCache textEmbeddings;
    private final H2DecisionStore decisions;
    private final H2ReviewStore review;
    private final H2MetricSnapshots metricSnapshots;
    private final H2PreferenceStore preferences;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ProjectChanges changes = new ProjectChanges();

    H2Project(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
        this.datasets = new H2DatasetStore(pool, changes);
        this.runs = new H2RunStore(pool, changes);
        this.samples = new H2SampleStore(pool, changes);
        this.prompts = new H2PromptStore(pool, changes);
        this.pipelines = new H2PipelineStore(pool, changes, prompts);
        this.treeEdits = new H2TreeEditStore(pool);
        this.recordEmbeddings = new H2EmbeddingCache(pool);
        this.textEmbeddings = new H2TextEmbeddingCache(pool);
        this.decisions = new H2DecisionStore(pool, changes);
        this.review = new H2ReviewStore(pool, samples, decisions);
        this.metricSnapshots = new H2MetricSnapshots(pool);
        this.preferences = new H2PreferenceStore(pool, changes);
        if (!OPEN.containsKey(file)) {
            runs.markInterrupted();
        }
        OPEN.merge(file, 1, Integer::sum);
    }

    @Override
    public ProjectChanges changes() {
        return changes;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public DatasetStore datasets() {
        return datasets;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public SampleStore samples() {
        return samples;
    }

    @Override
    public PromptStore prompts() {
        return prompts;
    }

    @Override
    public PipelineStore pipelines() {
        return pipelines;
    }

    @Override
    public TreeEditStore treeEdits() {
        return treeEdits;
    }

    @Override
    public EmbeddingCache recordEmbeddings() {
        return recordEmbeddings;
    }

    @Override
    public TextEmbeddingCache textEmbeddings() {
        return textEmbeddings;
    }

    @Override
    public DecisionStore decisions() {
        return decisions;
    }

    @Override
    public ReviewStore review() {
        return review;
    }

    @Override
    public MetricSnapshots metricSnapshots() {
        return metricSnapshots;
    }

    @Override
    public PreferenceStore preferences() {
        return preferences;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        // H2 closes the file when the last connection goes, which disposing the pool makes happen.
        pool.dispose();
        OPEN.computeIfPresent(file, (f, n) -> n == 1 ? null : n - 1);
    }
}
