package io.siftbench.model.pipelines;

import io.siftbench.model.project.ProjectException;

/** A pipeline file that cannot be used; the message names the file or step, the field, and what is wrong. */
public final class PipelineFileException extends ProjectException {

    public PipelineFileException(String message) {
        super(message);
    }

    public PipelineFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
