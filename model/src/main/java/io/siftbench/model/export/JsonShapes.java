package io.siftbench.model.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.siftbench.model.review.Decision;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON Lines shapes of the export formats. Field names are part of the interface. */
final class JsonShapes {

    private JsonShapes() {}

    static JsonShape<ExportRecord> of(ExportFormat format) {
        return switch (format) {
            case JSONL -> JsonShapes::full;
            case ALPACA -> JsonShapes::alpaca;
            case CHAT -> JsonShapes::chat;
            case CLASSIFICATION -> JsonShapes::classification;
            case CSV, DPO ->
                throw new IllegalArgumentException(format.id() + " is not written record by record as JSON");
        };
    }

    /** Every field: what was asked, the answer that counts, the decision and the full provenance. */
    static void full(JsonGenerator json, ExportRecord r) throws IOException {
        Sample s = r.sample();
        json.writeStartObject();
        json.writeNumberField("id", r.id());
        json.writeNumberField("run", r.run().id());
        json.writeStringField("split", r.split().id());
        json.writeStringField("mode", r.mode().id());
        json.writeStringField("input", r.input());
        json.writeStringField("output", r.output());
        json.writeStringField("label", r.label());
        stringMap(json, "conditions", r.conditions());
        json.writeObjectFieldStart("decision");
        Decision d = r.decision();
        json.writeStringField("status", r.item().state());
        json.writeStringField("note", d == null ? null : d.note());
        json.writeStringField("original_output", r.originalOutput());
        json.writeStringField("original_label", s.label());
        json.writeEndObject();
        strings(json, "flags", r.flags());
        json.writeObjectFieldStart("provenance");
        json.writeStringField("prompt", r.run().promptName());
        json.writeNumberField("prompt_version", r.run().promptVersion());
        BackendRef backend = r.run().config().backend();
        json.writeStringField("backend", backend.kind());
        json.writeStringField("backend_location", backend.location());
        if (s.endpoint() != null) {
            // The server that answered, one of several where the backend lists several.
            json.writeStringField("endpoint", s.endpoint());
        }
        json.writeStringField("model", s.model());
        json.writeStringField("parameters", s.parameters());
        if (s.seed() != null) {
            json.writeNumberField("seed", s.seed());
        }
        if (s.slot().recordId() != null) {
            json.writeNumberField("record_id", s.slot().recordId());
        }
        json.writeArrayFieldStart("demonstration_ids");
        for (long id : s.slot().demonstrationIds()) {
            json.writeNumber(id);
        }
        json.writeEndArray();
        messages(json, s.slot().messages(), null);
        json.writeStringField("raw_output", s.rawOutput());
        if (s.confidence() != null) {
            json.writeNumberField("confidence", s.confidence());
        }
        strings(json, "votes", s.votes());
        json.writeBooleanField("valid", s.valid());
        json.writeStringField("validation_error", s.validationError());
        // Why the request failed; only an inspection export writes failed samples.
        json.writeStringField("error", s.error());
        writeNumber(json, "prompt_tokens", s.promptTokens());
        writeNumber(json, "completion_tokens", s.completionTokens());
        if (s.latencyMillis() != null) {
            json.writeNumberField("latency_ms", s.latencyMillis());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static void alpaca(JsonGenerator json, ExportRecord r) throws IOException {
        strings(json, "instruction", r.instruction(), "input", r.instructionInput(), "output", r.output());
    }

    /**
     * The messages the model got, then the answer that counts as the assistant's reply; a dialogue's conversation
     * as its turns, the user's and the assistant's in order.
     */
    static void chat(JsonGenerator json, ExportRecord r) throws IOException {
        json.writeStartObject();
        messages(
                json,
                r.conversation() != null ? r.conversation() : r.sample().slot().messages(),
                r.conversation() != null ? null : r.output());
        json.writeEndObject();
    }

    static void classification(JsonGenerator json, ExportRecord r) throws IOException {
        strings(json, "text", r.classifiedText(), "label", r.label());
    }

    static void preference(JsonGenerator json, PreferencePair p) throws IOException {
        json.writeStartObject();
        json.writeStringField("prompt", p.prompt());
        json.writeStringField("chosen", p.chosen());
        json.writeStringField("rejected", p.rejected());
        json.writeStringField("source", p.source());
        json.writeNumberField("chosen_id", p.record().id());
        json.writeNumberField("rejected_id", p.rejectedSampleId());
        json.writeEndObject();
    }

    /** One object of string fields, given as name, value, name, value… */
    private static void strings(JsonGenerator json, String... namesAndValues) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
        }
        json.writeEndObject();
    }

    private static void messages(JsonGenerator json, List<Message> messages, String reply) throws IOException {
        json.writeArrayFieldStart("messages");
        for (Message m : messages) {
            message(json, m.role(), m.content());
        }
        if (reply != null) {
            message(json, "assistant", reply);
        }
        json.writeEndArray();
    }

    private static void message(JsonGenerator json, String role, String content) throws IOException {
        json.writeStartObject();
        json.writeStringField("role", role);
        json.writeStringField("content", content);
        json.writeEndObject();
    }

    private static void stringMap(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private static void writeNumber(JsonGenerator json, String field, Integer value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }
}
