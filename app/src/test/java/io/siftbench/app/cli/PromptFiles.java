package io.siftbench.app.cli;

/** Prompt files as a researcher writes them, for the command-line tests. */
final class PromptFiles {

    static final String ANNOTATOR =
            """
            {
              "name": "intent-annotator",
              "note": "first version",
              "mode": "annotate",
              "task": {"role": "You label customer-banking questions.",
                       "labels": [{"name": "card_arrival", "description": "card not yet received"}]},
              "template": {"system": "{{task.role}}", "user": "Q: {{record.text}}\\nA:"}
            }
            """;

    /** A comma is missing at the end of line 3. */
    static final String BROKEN = "{\n  \"name\": \"x\",\n  \"mode\": \"annotate\"\n  \"task\": {}\n}\n";

    private PromptFiles() {}
}
