package io.siftbench.model.runs;

/**
 * What exporting a run's missing slots as a batch-input file wrote.
 *
 * @param run   the run
 * @param file  the file written
 * @param slots the slots without a sample, each one request per vote
 * @param lines the requests written
 */
public record BatchExport(long run, String file, int slots, int lines) {

    public String text() {
        return "Run " + run + ": " + lines + (lines == 1 ? " request" : " requests") + " for " + slots
                + (slots == 1 ? " missing slot" : " missing slots") + " written to " + file + ".";
    }
}
