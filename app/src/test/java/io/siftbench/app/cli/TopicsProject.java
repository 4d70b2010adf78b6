package io.siftbench.app.cli;

import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project the run commands' tests start from: the dataset "questions" of a CSV's rows and the annotate prompt
 * "topics" with the labels a and b, its template the record's text.
 */
final class TopicsProject {

    private TopicsProject() {}

    /**
     * Creates {@code project} in {@code dir} with "questions" read from {@code header} and {@code rows}.
     *
     * @return the project file
     */
    static Path create(Path dir, String header, List<String> rows) throws Exception {
        Path project = dir.resolve("p");
        Path csv = Files.writeString(dir.resolve("questions.csv"), header + "\n" + String.join("\n", rows) + "\n");
        try (Project p = new H2ProjectOpener().open(project)) {
            p.datasets().importFile(ImportOptions.of(csv), ImportProgress.NONE);
            p.prompts()
                    .save(PromptFile.parse(
                            """
                    {"name": "topics", "mode": "annotate", "task": {"labels": [{"name": "a"}, {"name": "b"}]},
                     "template": {"user": "{{text}}"}}
                    """,
                            "topics.json"));
        }
        return project;
    }

    /** "question 0", "question 1", …: {@code count} rows of one column. */
    static List<String> questions(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "question " + i)
                .toList();
    }
}
