package io.siftbench.model.pipelines;

import java.util.Locale;

/**
 * One change the researcher made to a topic tree ({@code pipeline tree}).
 *
 * @param path the topic it is about, as its path from the root ({@code banking/cards}); the root's for an approval
 * @param name the topic added under {@code path}; null for the other kinds
 */
public record TreeEdit(Kind kind, String path, String name) {

    public enum Kind {
        /** The topic and everything under it leave the tree. */
        PRUNE,
        /** A topic of the researcher's joins the tree under {@code path}. */
        ADD,
        /** The tree is as the researcher wants it: a pipeline run waiting for its review goes on. */
        APPROVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
