package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a step's {@code "leaves"} says: the leaves of the earlier tree step {@code of} (as pruned and added to when
 * the step's run is made) are the values of its prompt's condition {@code condition}, {@code count} slots each.
 *
 * @param of        the tree step
 * @param condition the condition of the step's prompt a leaf fills (default {@code topic})
 * @param count     slots per leaf (default 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"of", "condition", "count"})
public record TopicLeaves(String of, String condition, Integer count) {

    @JsonIgnore
    public String conditionName() {
        return condition == null ? "topic" : condition;
    }

    @JsonIgnore
    public int perLeaf() {
        return count == null ? 1 : count;
    }
}
