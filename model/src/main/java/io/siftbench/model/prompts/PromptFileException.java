package io.siftbench.model.prompts;

import io.siftbench.model.project.ProjectException;

/** A prompt file that cannot be used; the message says where (file, line, column or field) and what is wrong. */
public final class PromptFileException extends ProjectException {

    public PromptFileException(String message) {
        super(message);
    }

    public PromptFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
