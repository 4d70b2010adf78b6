package io.siftbench.model.runs;

/**
 * A run's missing slots sent to its server as one batch, and the batch's output imported.
 *
 * @param batch  the batch's id on the server
 * @param status how the batch ended there (completed, expired, cancelled, failed)
 * @param output the batch's output as fetched (answers and errors), kept so that nothing paid for is lost
 * @param report what importing it did
 */
public record BatchSubmission(String batch, String status, String output, BatchReport report) {

    public String text() {
        return "Batch " + batch + " " + status + "; its output is kept in " + output + ".\n" + report.text();
    }
}
