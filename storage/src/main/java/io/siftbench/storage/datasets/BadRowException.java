package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.DatasetImportException;

/**
 * A record that is malformed while the file around it can still be read: "skip bad rows" may skip it and
 * read on. Failures that end the reading (an unclosed quote, truncated gzip) are thrown bare instead.
 */
final class BadRowException extends RuntimeException {

    private final transient DatasetImportException problem;

    BadRowException(DatasetImportException problem) {
        super(problem.getMessage(), problem);
        this.problem = problem;
    }

    DatasetImportException problem() {
        return problem;
    }
}
