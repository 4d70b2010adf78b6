package io.siftbench.model.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.insights.SelfBleuScore;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineRun;
import io.siftbench.model.pipelines.PipelineStep;
import io.siftbench.model.pipelines.StepRuns;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionValue;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code README.md} written beside exported data, in the Hugging Face dataset card layout (YAML front
 * matter, then sections), so that whoever trains on the data later can tell how it was made: the prompt
 * versions word for word, the conditions and plan, the backends, models and parameters, the seeds, the
 * decisions and the diversity of what was written.
 */
final class DatasetCard {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptStore prompts;
    private final ExportSources sources;
    private final ExportRequest request;
    private final ExportSelection selection;
    private final WrittenFigures written;
    private final List<Path> files;
    private final StringBuilder md = new StringBuilder();

    DatasetCard(
            ExportSources sources,
            ExportRequest request,
            ExportSelection selection,
            WrittenFigures written,
            List<Path> files) {
        this.prompts = sources.prompts();
        this.sources = sources;
        this.request = request;
        this.selection = selection;
        this.written = written;
        this.files = List.copyOf(files);
    }

    String markdown() {
        frontMatter();
        String name = stem();
        line("# " + name);
        line("");
        line("Exported by Siftbench in the `" + request.format().id() + "` format from run(s) "
                + selection.runs().stream().map(r -> "#" + r.id()).collect(Collectors.joining(", "))
                + ": "
                + (request.status() == ExportStatus.ALL
                        ? "every sample, decided or not"
                        : "the accepted and edited samples")
                + (request.writesFailures() ? ", failed requests with their error" : "")
                + (request.rejectedAsNegatives() ? ", with the rejected samples as negatives" : "") + ".");
        line("");
        structure();
        sourceData();
        curation();
        diversity();
        return md.toString();
    }

    private void frontMatter() {
        line("---");
        line("pretty_name: " + quoted(stem()));
        line("tags:");
        line("- siftbench");
        boolean synthetic = selection.runs().stream().anyMatch(r -> r.config().mode() == PromptMode.SYNTHESIZE);
        if (synthetic) {
            line("- synthetic");
        }
        line("task_categories:");
        line(request.format() == ExportFormat.CLASSIFICATION ? "- text-classification" : "- text-generation");
        line("size_categories:");
        line("- " + sizeCategory(written.total()));
        line("configs:");
        line("- config_name: default");
        line("  data_files:");
        for (Path file : files) {
            String split = splitOf(file);
            line("  - split: " + split);
            line("    path: " + quoted(file.getFileName().toString()));
        }
        line("---");
        line("");
    }

    private void structure() {
        line("## Dataset structure");
        line("");
        line("| split | file | records |");
        line("| --- | --- | ---: |");
        for (Path file : files) {
            String split = splitOf(file);
            line("| " + split + " | `" + file.getFileName() + "` | " + written.count(split) + " |");
        }
        line("");
        line("### Labels");
        line("");
        Map<String, Map<String, Integer>> byLabel = written.byLabel();
        List<String> splits = files.stream().map(this::splitOf).toList();
        line("| label | " + String.join(" | ", splits) + " |");
        line("| --- |" + " ---: |".repeat(splits.size()));
        byLabel.forEach((label, counts) -> line("| " + cell(label) + " | "
                + splits.stream()
                        .map(s -> String.valueOf(counts.getOrDefault(s, 0)))
                        .collect(Collectors.joining(" | "))
                + " |"));
        line("");
    }

    private void sourceData() {
        line("## Source data");
        line("");
        line("### Prompt versions");
        line("");
        Set<Long> versions = new LinkedHashSet<>();
        selection.runs().forEach(r -> versions.add(r.config().promptVersionId()));
        Map<Long, PromptVersion> loaded = new LinkedHashMap<>();
        for (long id : versions) {
            PromptVersion version = prompts.load(id);
            loaded.put(id, version);
            RunInfo run = selection.runs().stream()
                    .filter(r -> r.config().promptVersionId() == id)
                    .findFirst()
                    .orElseThrow();
            line("#### " + run.promptName() + " v" + run.promptVersion() + " ("
                    + version.mode().id() + ")");
            line("");
            line("```json");
            line(PromptFile.write(version).strip());
            line("```");
            line("");
        }
        line("### Conditions and plan");
        line("");
        loaded.forEach((id, version) -> {
            line("- **" + version.name() + "**: plan `"
                    + (version.plan().kind() == null
                            ? "default"
                            : version.plan().kind().name().toLowerCase(Locale.ROOT))
                    + "`"
                    + (version.plan().seed() == null
                            ? ""
                            : ", seed " + version.plan().seed()));
            for (Condition c : version.conditions()) {
                line("  - " + c.name() + (Boolean.FALSE.equals(c.enabled()) ? " (off)" : "") + ": "
                        + c.values().stream().map(DatasetCard::value).collect(Collectors.joining(", ")));
            }
        });
        line("");
        pipelines();
        line("### Backends, models and seeds");
        line("");
        line("| run | prompt | mode | backend | location | model | parameters | seed |");
        line("| --- | --- | --- | --- | --- | --- | --- | ---: |");
        for (RunInfo r : selection.runs()) {
            line("| #" + r.id() + " | " + cell(r.promptName()) + " v" + r.promptVersion() + " | "
                    + r.config().mode().id()
                    + " | " + r.config().backend().kind() + " | "
                    + cell(r.config().backend().location()) + " | "
                    + cell(r.config().backend().model()) + " | `"
                    + cell(r.config().parameters()) + "` | "
                    + r.config().seed() + " |");
        }
        line("");
        if (request.split() != null) {
            line("Split seed: " + request.split().seed() + " (train "
                    + request.split().train() + ", validation "
                    + request.split().validation() + ", test " + request.split().test() + "; stratified by label for"
                    + " annotate runs, by condition combination for synthesize runs).");
            line("");
        }
    }

    /**
     * Each pipeline run that made an exported run: its pipeline version and every step made so far, with the step's
     * input, prompt version, run and model, so that a chain's data can be made again from the card.
     */
    private void pipelines() {
        Set<Long> pipelineRuns = new LinkedHashSet<>();
        selection.runs().forEach(r -> StepRuns.linkOf(r).ifPresent(l -> pipelineRuns.add(l.pipelineRun())));
        if (pipelineRuns.isEmpty()) {
            return;
        }
        line("### Pipelines");
        line("");
        for (long id : pipelineRuns) {
            PipelineRun run = sources.pipelines().findRun(id).orElse(null);
            if (run == null) {
                continue;
            }
            Pipeline pipeline = run.pipeline().pipeline();
            line("#### " + run.pipeline().name() + " v" + run.pipeline().version() + " (pipeline run " + id + ")");
            line("");
            if (!pipeline.note().isBlank()) {
                line(pipeline.note().strip());
                line("");
            }
            line("| step | input | prompt | run | backend | model |");
            line("| --- | --- | --- | ---: | --- | --- |");
            List<RunInfo> made = StepRuns.of(sources.runs(), id);
            for (int i = 0; i < pipeline.steps().size(); i++) {
                PipelineStep step = pipeline.steps().get(i);
                RunInfo stepRun = i < made.size() ? made.get(i) : null;
                line("| " + (i + 1) + ". " + cell(step.name()) + " | " + cell(step.input())
                        + (step.select() == null ? "" : " (" + cell(step.select()) + ")") + " | "
                        + cell(step.prompt()) + " | "
                        + (stepRun == null ? "not run" : "#" + stepRun.id()) + " | "
                        + (stepRun == null ? "" : stepRun.config().backend().kind()) + " | "
                        + (stepRun == null
                                ? ""
                                : cell(stepRun.config().backend().model())) + " |");
            }
            line("");
        }
    }

    private void curation() {
        line("## Curation");
        line("");
        line("### Decisions");
        line("");
        line("| run | accepted | edited | rejected | skipped | undecided | failed |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Map.Entry<Long, ExportSelection.RunDecisions> run :
                selection.decisions().entrySet()) {
            Map<String, Long> states = run.getValue().states();
            line("| #" + run.getKey() + " | " + states.getOrDefault("accepted", 0L) + " | "
                    + states.getOrDefault("edited", 0L) + " | " + states.getOrDefault("rejected", 0L) + " | "
                    + states.getOrDefault("skipped", 0L) + " | " + states.getOrDefault(ReviewItem.UNDECIDED, 0L)
                    + " | " + run.getValue().failed() + " |");
        }
        line("");
        line("### Left out");
        line("");
        line("- Not taken by the status chosen: " + selection.leftOutByStatus());
        line("- Left out by the filter: " + selection.leftOutByFilter());
        line("- Failed requests: " + selection.leftOutAsFailed());
        line("");
        line("### Leakage guard");
        line("");
        line("- Left out as demonstrations shown in their run: " + selection.leftOutAsDemonstrations()
                + (request.keepDemonstrations() ? " (the guard was switched off)" : ""));
        line("- Left out as present in the evaluation dataset"
                + (request.evaluationDataset() == null ? "" : " `" + request.evaluationDataset() + "`") + ": "
                + selection.leftOutAsEvaluation());
        line("");
    }

    /**
     * Measured on the texts written (the generated text, or the annotated record's text); vocabulary and distinct-n
     * on a seeded sample of them when there are more than {@link WrittenFigures#DISTINCT_LIMIT}, which is said.
     */
    private void diversity() {
        line("## Diversity metrics");
        line("");
        if (written.total() == 0) {
            line("Nothing was written, so there is nothing to measure.");
            line("");
            return;
        }
        SelfBleuScore selfBleu = written.selfBleu();
        String sampled = written.distinctSampled()
                ? String.format(
                        Locale.ROOT,
                        " (on a seeded sample of %,d of the %,d texts)",
                        written.distinctTexts(),
                        written.total())
                : "";
        line("| metric | value |");
        line("| --- | ---: |");
        line("| texts | " + written.total() + " |");
        line("| tokens | " + written.tokens() + " |");
        line("| vocabulary size | " + written.vocabularySize() + sampled + " |");
        line("| distinct-1 | " + format(written.distinct1()) + sampled + " |");
        line("| distinct-2 | " + format(written.distinct2()) + sampled + " |");
        line("| self-BLEU | " + (selfBleu.value() == null ? "n/a" : format(selfBleu.value()))
                + (selfBleu.sampled()
                        ? String.format(Locale.ROOT, " (sampled: %,d of %,d)", selfBleu.scored(), selfBleu.population())
                        : "")
                + " |");
        line("| mean length (characters) | " + format(written.meanCharacters()) + " |");
        line("| mean length (words) | " + format(written.meanWords()) + " |");
        line("");
    }

    private String splitOf(Path file) {
        for (Split split : Split.values()) {
            if (split != Split.ALL && request.fileOf(split).equals(file)) {
                return split.id();
            }
        }
        return Split.ALL.id();
    }

    private String stem() {
        String name = request.out().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String value(ConditionValue v) {
        return v.value()
                + (Boolean.FALSE.equals(v.enabled()) ? " (off)" : "")
                + (v.weight() == null ? "" : " ×" + v.weight());
    }

    static String sizeCategory(int n) {
        if (n < 1_000) {
            return "n<1K";
        } else if (n < 10_000) {
            return "1K<n<10K";
        } else if (n < 100_000) {
            return "10K<n<100K";
        } else if (n < 1_000_000) {
            return "100K<n<1M";
        }
        return "n>1M";
    }

    /** A JSON string is a valid YAML scalar, whatever characters it holds. */
    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a table cell on one line and its pipes from splitting it. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
