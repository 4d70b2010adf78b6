package io.siftbench.model.project;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.demonstrations.EmbeddingCache;
import io.siftbench.model.embeddings.TextEmbeddingCache;
import io.siftbench.model.export.ExportSources;
import io.siftbench.model.insights.MetricSnapshots;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.pipelines.TreeEditStore;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewStore;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.SampleStore;
import java.nio.file.Path;

/**
 * One open project: a single H2 file holding datasets, prompts, runs, samples and decisions.
 * The model sees it only through the ports it hands out, so no JDBC leaks past storage.
 */
public interface Project extends AutoCloseable {

    /** The project file as the user chose it. */
    Path file();

    DatasetStore datasets();

    RunStore runs();

    SampleStore samples();

    PromptStore prompts();

    /** Pipelines, their versions and their runs. */
    PipelineStore pipelines();

    /** The researcher's edits of the topic trees of pipeline runs. */
    TreeEditStore treeEdits();

    /** Embeddings of dataset records, cached per embedding model. */
    EmbeddingCache recordEmbeddings();

    /** Embeddings of sample texts, cached per embedding model. */
    TextEmbeddingCache textEmbeddings();

    DecisionStore decisions();

    ReviewStore review();

    /** Computed metrics, cached per run, scope and sample-set version. */
    MetricSnapshots metricSnapshots();

    /** Pairwise preferences recorded in Compare. */
    PreferenceStore preferences();

    /** Every committed write to this project, as its stores make them: what screens follow to stay current. */
    ProjectChanges changes();

    /** The stores a run's samples are read from by the metrics and the curation filters. */
    default RunSources runSources() {
        return new RunSources(
                file(),
                runs(),
                samples(),
                datasets(),
                prompts(),
                review(),
                textEmbeddings(),
                pipelines(),
                metricSnapshots());
    }

    /** The stores an export reads. */
    default ExportSources exportSources() {
        return new ExportSources(
                file(),
                datasets(),
                runs(),
                samples(),
                prompts(),
                review(),
                decisions(),
                preferences(),
                pipelines(),
                runSources());
    }

    /** Closes the database; the file stays consistent and can be opened again. */
    @Override
    void close();
}
