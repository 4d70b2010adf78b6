package io.siftbench.model.insights;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.embeddings.TextEmbeddingCache;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.review.ReviewStore;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.SampleStore;
import java.nio.file.Path;

/**
 * The stores a run's samples are read from as the metrics and the curation filters see them, with the cache of
 * their embeddings, the pipelines whose steps runs are (which the screens name a step's run by), and the metrics
 * computed before, among them the student's label doubts that the curation filters flag without computing any.
 *
 * @param file the project file, named in the message when a run is not there
 */
public record RunSources(
        Path file,
        RunStore runs,
        SampleStore samples,
        DatasetStore datasets,
        PromptStore prompts,
        ReviewStore review,
        TextEmbeddingCache textEmbeddings,
        PipelineStore pipelines,
        MetricSnapshots snapshots) {}
