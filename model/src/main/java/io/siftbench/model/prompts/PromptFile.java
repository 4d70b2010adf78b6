package io.siftbench.model.prompts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes a prompt version as the prompt file of docs/ARCHITECTURE.md. The format is stable: field names
 * never change meaning, fields may be added, and a reader ignores fields it does not know so that an
 * older Siftbench still reads a newer file.
 */
public final class PromptFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PromptFile() {}

    /** Reads the file at {@code file}; errors name it. */
    public static PromptVersion read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PromptFileException(file + ": cannot read the prompt file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses {@code json} and checks it (see {@link PromptValidator}).
     *
     * @param source how errors name the text, e.g. its file name
     * @throws PromptFileException saying where (line and column, or the field) and what is wrong
     */
    public static PromptVersion parse(String json, String source) {
        PromptVersion version;
        try {
            version = JSON.readValue(json, PromptVersion.class);
        } catch (JsonProcessingException e) {
            throw new PromptFileException(source + ": " + describe(e), e);
        }
        if (version == null) {
            throw new PromptFileException(source + ": the file is empty; it should hold one prompt version object");
        }
        List<String> problems = PromptValidator.problems(version);
        if (!problems.isEmpty()) {
            throw new PromptFileException(source + ": " + String.join("; ", problems));
        }
        return version;
    }

    /**
     * Reads a version the project stored earlier. Only the shape is checked, not {@link PromptValidator}'s
     * rules: a version saved under older rules must stay readable, or its runs would lose their prompt.
     */
    public static PromptVersion readStored(String json, String source) {
        try {
            return JSON.readValue(json, PromptVersion.class);
        } catch (JsonProcessingException e) {
            throw new PromptFileException(source + ": " + describe(e), e);
        }
    }

    /** The prompt file text of {@code version}, indented, fields in the documented order. */
    public static String write(PromptVersion version) {
        try {
            return JSON.writeValueAsString(version);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "line L, column C: at FIELD: WHAT", with Jackson's own wording cut to the first sentence: how every JSON
     * file of the workbench (prompt and pipeline files) says where it cannot be read.
     */
    public static String describe(JsonProcessingException e) {
        StringBuilder s = new StringBuilder();
        JsonLocation where = e.getLocation();
        if (where != null && where.getLineNr() > 0) {
            s.append("line ")
                    .append(where.getLineNr())
                    .append(", column ")
                    .append(where.getColumnNr())
                    .append(": ");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            s.append("at ").append(path(m)).append(": ");
        }
        Throwable cause = e.getCause();
        String what = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                ? cause.getMessage()
                : e.getOriginalMessage();
        return s.append(what.lines().findFirst().orElse(what)).toString();
    }

    private static String path(JsonMappingException m) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                p.append(p.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return p.toString();
    }
}
