package io.siftbench.model.pipelines;

import java.util.ArrayList;
import java.util.List;

/**
 * A topic of a topic tree and the subtopics under it, in the order they were written (the researcher's added
 * ones after the model's).
 *
 * @param path its topics from the root, joined by {@code /} ({@code banking/cards/fees})
 */
public record TopicNode(String name, String path, int depth, List<TopicNode> children) {

    public TopicNode {
        children = new ArrayList<>(children);
    }

    /** The subtopic of this name, if there is one. */
    public java.util.Optional<TopicNode> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    /** A topic with nothing under it yet. */
    static TopicNode leaf(String name, String parentPath, int depth) {
        return new TopicNode(name, parentPath == null ? name : parentPath + "/" + name, depth, List.of());
    }

    /** Its topics and theirs, depth first, itself first. */
    public List<TopicNode> all() {
        List<TopicNode> out = new ArrayList<>();
        out.add(this);
        children.forEach(c -> out.addAll(c.all()));
        return out;
    }

    /** The topics with nothing under them, depth first. */
    public List<TopicNode> leaves() {
        return all().stream().filter(n -> n.children().isEmpty()).toList();
    }
}
