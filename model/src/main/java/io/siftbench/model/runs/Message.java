package io.siftbench.model.runs;

/** One chat message as sent to the model: role is system, user or assistant. */
public record Message(String role, String content) {

    public static Message system(String content) {
        return new Message("system", content);
    }

    public static Message user(String content) {
        return new Message("user", content);
    }
}
