package io.siftbench.model.prompts;

/** The Mustache templates of the system message and of the user message. */
public record Template(String system, String user) {

    public Template {
        system = system == null ? "" : system;
        user = user == null ? "" : user;
    }
}
