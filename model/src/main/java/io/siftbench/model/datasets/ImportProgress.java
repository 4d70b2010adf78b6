package io.siftbench.model.datasets;

/** How an import reports how far it got, and learns that the user cancelled it. */
public interface ImportProgress {

    /** Ignores progress and never cancels. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void update(ImportStage stage, long rows, long bytesRead, long totalBytes) {
            // nobody is watching
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * @param rows       records read so far in this stage
     * @param bytesRead  bytes of the file read so far (compressed bytes for a .gz file)
     * @param totalBytes the file's size in bytes
     */
    void update(ImportStage stage, long rows, long bytesRead, long totalBytes);

    boolean isCancelled();
}
