package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the run benchmarks share: the questions a run annotates, the intent prompt, and a timed run checked whole. */
final class AnnotateBenchProject {

    private AnnotateBenchProject() {}

    /** {@code n} questions about a card that has not arrived, imported from a CSV in {@code dir}. */
    static DatasetInfo questions(Project project, Path dir, int n) throws Exception {
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                IntStream.range(0, n)
                        .mapToObj(i -> "where is card number " + i + " - it has not arrived yet?")
                        .collect(Collectors.joining("\n", "text\n", "\n")));
        return project.datasets()
                .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                .dataset();
    }

    /** An annotate prompt that picks one of {@code labels} for a banking question. */
    static StoredVersion intentPrompt(Project project, List<String> labels) {
        return project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate",
                 "task": {"role": "You label banking questions.", "purpose": "Pick the one intent that fits.",
                          "labels": %s, "rationale": false, "confidence": false},
                 "template": {"system": "{{task.role}} {{task.purpose}}", "user": "Q: {{text}}\\nA:"}}
                """
                                .formatted(labels.stream()
                                        .map(l -> "{\"name\": \"" + l + "\"}")
                                        .collect(Collectors.joining(",", "[", "]"))),
                        "intent.json"));
    }

    /**
     * Samples per second of a new run of {@code config}, after checking that it completed with every slot's sample
     * stored and that each passes {@code check}.
     */
    static double timedRun(RunLauncher launcher, Project project, RunConfig config, Consumer<Sample> check)
            throws InterruptedException {
        long start = System.nanoTime();
        RunInfo run = launcher.create(config);
        assertThat(launcher.execute(run.id(), (s, p) -> {}, () -> false)).isEqualTo(RunStatus.COMPLETED);
        double rate = config.target() / ((System.nanoTime() - start) / 1e9);
        assertThat(project.samples().list(run.id(), 0, config.target() + 1))
                .hasSize(config.target())
                .allSatisfy(check);
        return rate;
    }
}
