package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a step's {@code "tree"} says (Explore-Instruct, Kiln's topic tree): the step expands {@code root} into
 * subtopics, then each of those, level by level to {@code depth}; each level is a run with one slot per topic to
 * expand, which its prompt sees as the condition {@code condition}, and whose output lists the subtopics in the
 * field {@code field}. The researcher may prune or add topics ({@code pipeline tree}); with {@code review} the
 * pipeline run stops once the tree is grown, until the researcher approves it.
 *
 * @param root      the topic at the top
 * @param depth     how many levels of subtopics, from 1
 * @param condition the condition of the step's prompt that holds the topic being expanded (default {@code topic})
 * @param field     the output field listing the subtopics, an array of strings (default {@code subtopics})
 * @param review    whether the pipeline run waits for the researcher's approval once the tree is grown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"root", "depth", "condition", "field", "review"})
public record TopicTree(String root, Integer depth, String condition, String field, Boolean review) {

    @JsonIgnore
    public String conditionName() {
        return condition == null ? "topic" : condition;
    }

    @JsonIgnore
    public String fieldName() {
        return field == null ? "subtopics" : field;
    }

    @JsonIgnore
    public boolean waitsForReview() {
        return Boolean.TRUE.equals(review);
    }
}
