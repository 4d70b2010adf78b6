package io.siftbench.model.datasets;

import io.siftbench.model.project.ProjectException;

/** A file that cannot be imported as it is; the message names the file, the line or record, the column and what was wrong. */
public final class DatasetImportException extends ProjectException {

    private final transient SourceLocation location;
    private final String problem;

    public DatasetImportException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    public DatasetImportException(SourceLocation location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    public SourceLocation location() {
        return location;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }
}
