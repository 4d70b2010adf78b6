package io.siftbench.model.prompts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The output schema of an annotation prompt, derived from its label set, so that the label can only be one
 * of the allowed verbalizers (plus a rationale string and a confidence in [0, 1] where asked).
 */
final class LabelSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LabelSchema() {}

    static ObjectNode of(TaskSpec task) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode label = properties.putObject("label").put("type", "string");
        // The model answers with what it was shown: the verbalizers (TaskSpec.labelOf maps them back).
        task.labels().stream().map(Label::verbalizer).distinct().forEach(v -> label.withArray("enum")
                .add(v));
        var required = schema.putArray("required").add("label");
        if (task.rationale()) {
            properties.putObject("rationale").put("type", "string");
            required.add("rationale");
        }
        if (task.confidence()) {
            properties
                    .putObject("confidence")
                    .put("type", "number")
                    .put("minimum", 0)
                    .put("maximum", 1);
            required.add("confidence");
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
