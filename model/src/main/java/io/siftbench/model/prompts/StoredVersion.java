package io.siftbench.model.prompts;

import java.time.Instant;

/**
 * A saved prompt version as listed: which prompt, which version, why it was made and when.
 *
 * @param id the version's key in the project, which runs refer to
 */
public record StoredVersion(long id, String name, int version, String note, PromptMode mode, Instant createdAt) {}
