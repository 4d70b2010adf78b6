package io.siftbench.model.export;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewStore;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.SampleStore;
import java.nio.file.Path;

/**
 * The stores an export reads: the runs' review items with their decisions and edits, the preferences of
 * Compare and of pipeline steps (whose earlier samples it finds by id), the records and prompts they came from,
 * and the pipelines whose steps made the runs (for the dataset card).
 *
 * @param file the project file, named in the message when a run is not there
 * @param curation the runs' samples as the curation filters read them, for the flags computed beforehand (the
 *                 student's label doubts) that an export's flag filter and its records carry
 */
public record ExportSources(
        Path file,
        DatasetStore datasets,
        RunStore runs,
        SampleStore samples,
        PromptStore prompts,
        ReviewStore review,
        DecisionStore decisions,
        PreferenceStore preferences,
        PipelineStore pipelines,
        RunSources curation) {}
