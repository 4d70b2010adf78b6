package io.siftbench.model.runs;

import io.siftbench.model.export.ExportProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A run's missing slots as an OpenAI batch-input file, a batch-output file back as its samples, or both through
 * the run's server's batches API: the port the Runs screen works through (made in {@code app}, where the
 * backends are).
 */
public interface RunBatchFiles {

    /** Writes the run's missing slots to {@code file}; sends nothing, stores nothing. */
    BatchExport export(long runId, Path file, ExportProgress progress, BooleanSupplier cancelled) throws IOException;

    /**
     * Stores the answers of batch-output {@code file} as the samples of the run's slots that have none.
     *
     * @throws IllegalArgumentException when {@code file} is not a batch-output file: then nothing is stored
     */
    BatchReport importOutput(long runId, Path file, ExportProgress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException;

    /**
     * Sends the run's missing slots to its server's batches API, follows the batch and imports its output.
     *
     * @throws IllegalStateException when the server offers no batches API
     */
    BatchSubmission submit(long runId, ExportProgress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException;
}
