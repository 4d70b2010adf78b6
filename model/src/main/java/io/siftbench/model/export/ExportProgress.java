package io.siftbench.model.export;

/** Told as an export goes: items written of the total, and what is being done. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (done, total, what) -> {};

    void update(long done, long total, String what);
}
