package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.WeakestLabelsRun;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.student.RunUtility;
import io.siftbench.model.student.StudentEvaluation;
import io.siftbench.model.student.UtilityReport;
import io.siftbench.model.testing.SharedFixtures;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.insights.UtilityViewModel;
import io.siftbench.views.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Insights' Utility section on a real project: an annotate run over 8 banking77 labels (10 questions each)
 * against a loopback server whose model takes every card_arrival question for card_linking, tested on 6 questions
 * per label of banking77's test file, with a gold training set for the ceiling. The student is the real one, on
 * the real MiniLM embeddings.
 */
class UtilityInsightsTest {

    private static final int LABELS = 8;
    private static final String WRONG = "card_arrival";
    private static final String TAKEN_FOR = "card_linking";

    @TempDir
    Path dir;

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final Supplier<SampleEmbedder> embedder = () -> new SampleEmbedder(EmbeddingModels.miniLm());
    private LoopbackRuns runs;
    private List<String> labels;
    /** The gold label of each annotated question. */
    private final Map<String, String> goldOf = new LinkedHashMap<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void project() throws Exception {
        Map<String, List<String>> train = perLabel(SharedFixtures.require("data/banking77/train.csv"), 18);
        Map<String, List<String>> test = perLabel(SharedFixtures.require("data/banking77/test.csv"), 6);
        labels = new ArrayList<>(List.of(WRONG, TAKEN_FOR));
        train.keySet().stream()
                .filter(l -> !labels.contains(l) && test.containsKey(l))
                .limit(LABELS - 2)
                .forEach(labels::add);
        runs = new LoopbackRuns(dir.resolve("utility"));
        // The run annotates 10 questions a label; 8 others a label are the gold training set.
        StringBuilder annotated = new StringBuilder("text,category\n");
        StringBuilder gold = new StringBuilder("text,category\n");
        StringBuilder tested = new StringBuilder("text,category\n");
        for (String label : labels) {
            List<String> questions = train.get(label);
            questions.subList(0, 10).forEach(q -> row(annotated, q, label));
            questions.subList(10, 18).forEach(q -> row(gold, q, label));
            test.get(label).forEach(q -> row(tested, q, label));
        }
        annotated.toString().lines().skip(1).forEach(line -> {
            int comma = line.lastIndexOf(',');
            goldOf.put(unquoted(line.substring(0, comma)), line.substring(comma + 1));
        });
        runs.annotated(annotated.toString(), labels, q -> {
            String label = goldOf.get(q);
            return WRONG.equals(label) ? TAKEN_FOR : label;
        });
        importDataset("test", tested.toString());
        importDataset("goldtrain", gold.toString());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        if (runs != null) {
            runs.close();
        }
    }

    @Test
    void evaluateShowsTheStudentWithIntervalsBesideItsBaselinesAndCurveCancelsAndComparesTwoRuns() throws Exception {
        RunInfo first = runs.project.runs().list().get(0);
        InsightsViewModel insights = insights();
        UtilityViewModel utility = insights.utility();
        measure(insights, List.of(first));
        fx(() -> {
            utility.testProperty().set(dataset(utility, "test"));
            utility.goldProperty().set(dataset(utility, "goldtrain"));
        });
        assertThat(utility.testTextProperty().get())
                .as("the test dataset's roles")
                .isEqualTo("text");
        assertThat(utility.testLabelProperty().get()).isEqualTo("category");

        // Nothing accepted yet: the researcher is told what to do.
        fx(utility::evaluate);
        await(() -> !utility.busyProperty().get());
        assertThat(utility.problemProperty().get().message())
                .contains("no accepted or edited sample")
                .contains("train on all samples not rejected");
        acceptAll(first);

        // Cancelled while the texts are being embedded: nothing is shown, nothing is kept.
        fx(utility::evaluate);
        await(() -> utility.progressProperty().get() > 0);
        fx(utility::cancel);
        await(() -> !utility.busyProperty().get());
        assertThat(utility.stepProperty().get()).isEqualTo("cancelled");
        assertThat(utility.evaluatedProperty().get()).isNull();

        fx(utility::evaluate);
        await(() -> !utility.busyProperty().get());
        assertThat(utility.problemProperty().get()).isNull();
        RunUtility.Answer answer = utility.evaluatedProperty().get().answers().get(0);
        assertThat(answer.cached()).isFalse();
        UtilityReport report = answer.report();
        StudentEvaluation student = report.student();
        assertThat(student.trainedOn()).isEqualTo(LABELS * 10);
        assertThat(student.items()).isEqualTo(LABELS * 6);
        assertThat(student.accuracy().low()).isLessThan(student.accuracy().value());
        assertThat(student.accuracy().high()).isGreaterThan(student.accuracy().value());
        // The student learnt card_arrival's questions as card_linking: it never says card_arrival.
        assertThat(student.label(WRONG).orElseThrow().f1().value()).isZero();
        assertThat(student.mostConfused().get(0).gold()).isEqualTo(WRONG);
        assertThat(student.mostConfused().get(0).predicted()).isEqualTo(TAKEN_FOR);
        assertThat(report.fewShot().trainedOn()).isEqualTo(LABELS * 8);
        assertThat(report.fewShotFromTest()).isFalse();
        assertThat(report.ceiling().trainedOn()).isEqualTo(LABELS * 8);
        assertThat(report.ceiling().label(WRONG).orElseThrow().f1().value())
                .as("the gold training set teaches card_arrival")
                .isGreaterThan(0.5);
        assertThat(report.curve()).extracting(UtilityReport.CurvePoint::samples).containsExactly(20, 40, 80);
        assertThat(report.reliability().items()).isEqualTo(LABELS * 6);

        // Asked again, and on reopening Insights: from the project's snapshot, at once.
        fx(utility::evaluate);
        await(() -> !utility.busyProperty().get());
        assertThat(utility.stepProperty().get()).isEqualTo("evaluated before: read from the project");
        InsightsViewModel reopened = insights();
        measure(reopened, List.of(first));
        await(() -> reopened.utility().evaluatedProperty().get() != null);
        assertThat(reopened.utility().evaluatedProperty().get().answers().get(0).report())
                .isEqualTo(report);
        assertThat(reopened.utility().testProperty().get().name()).isEqualTo("test");

        // The next round labels card_arrival right: side by side, B is better, card_arrival the most changed.
        RunInfo second = annotateCorrectly(first);
        acceptAll(second);
        measure(insights, List.of(first, second));
        fx(utility::evaluate);
        await(() -> !utility.busyProperty().get());
        UtilityViewModel.Evaluated both = utility.evaluatedProperty().get();
        assertThat(both.answers()).hasSize(2);
        assertThat(both.comparison().paired().difference().value()).isPositive();
        assertThat(both.comparison().paired().onlyB())
                .isGreaterThan(both.comparison().paired().onlyA());
        assertThat(both.comparison().b().label(WRONG).orElseThrow().f1().value())
                .isGreaterThan(0.5);
    }

    @Test
    void theWeakestLabelsGetASynthesizeRunNarrowedToThemOnceAPromptCanWriteThem() throws Exception {
        RunInfo first = runs.project.runs().list().get(0);
        acceptAll(first);
        InsightsViewModel insights = insights();
        UtilityViewModel utility = insights.utility();
        measure(insights, List.of(first));
        fx(() -> utility.testProperty().set(dataset(utility, "test")));
        // Without a gold training set the few-shot examples come from the test set: all 6 a label leave none.
        fx(utility::evaluate);
        await(() -> !utility.busyProperty().get());
        assertThat(utility.problemProperty().get().message()).contains("leaves no test item to score on");
        fx(() -> utility.fewShotProperty().set(2));
        fx(utility::evaluate);
        await(() -> !utility.busyProperty().get());
        UtilityReport report =
                utility.evaluatedProperty().get().answers().get(0).report();
        assertThat(report.fewShotFromTest()).isTrue();
        assertThat(report.student().items()).isEqualTo(LABELS * 4);

        // An annotate run writes nothing: without a synthesize prompt for its labels, the researcher is told so.
        fx(() -> utility.proposeWeakest(3, 30));
        await(() -> !utility.planProblemProperty().get().isEmpty());
        assertThat(utility.planProblemProperty().get())
                .startsWith("No synthesize prompt of this project has a condition whose values include " + WRONG)
                .contains("Prompt studio");
        assertThat(utility.plans()).isEmpty();

        runs.project.prompts().save(PromptFile.parse(intentPrompt(), "questions.json"));
        fx(() -> utility.proposeWeakest(3, 30));
        await(() -> !utility.plans().isEmpty());
        WeakestLabelsRun.Plan plan = utility.plans().get(0);
        assertThat(plan.condition()).isEqualTo("intent");
        assertThat(plan.shares()).hasSize(3);
        assertThat(plan.shares().get(0).label()).as("the weakest first").isEqualTo(WRONG);
        assertThat(plan.shares().get(0).samples())
                .as("the weakest gets the most")
                .isGreaterThanOrEqualTo(plan.shares().get(2).samples());
        assertThat(plan.shares().stream()
                        .mapToInt(WeakestLabelsRun.Share::samples)
                        .sum())
                .isEqualTo(30);
        RunConfig config = plan.config();
        assertThat(config.mode()).isEqualTo(PromptMode.SYNTHESIZE);
        assertThat(config.target()).isEqualTo(30);
        assertThat(config.backend()).isEqualTo(first.config().backend());

        // Confirmed: the run makes exactly the planned samples of each weak label.
        runs.server.always(
                LoopbackServer.answering(request -> "{\"text\": \"" + LoopbackServer.lastUserMessage(request) + "\"}"));
        fx(() -> utility.start(plan));
        await(() -> insights.stepProperty().get().contains("makes more of the weakest labels"));
        RunInfo made = runs.project.runs().list().stream()
                .filter(r -> r.config().mode() == PromptMode.SYNTHESIZE)
                .findFirst()
                .orElseThrow();
        Map<String, Long> perLabel = runs.project.samples().list(made.id(), 0, 100).stream()
                .collect(Collectors.groupingBy(s -> s.conditions().get("intent"), Collectors.counting()));
        Map<String, Long> planned = plan.shares().stream()
                .collect(Collectors.toMap(WeakestLabelsRun.Share::label, s -> (long) s.samples()));
        assertThat(perLabel).isEqualTo(planned);
        assertThat(RunDetails.fromJson(made.config().details()).cells()).hasSize(30);
    }

    /** A synthesize prompt with a condition "intent" over the run's labels. */
    private String intentPrompt() {
        return """
                {"name": "questions", "mode": "synthesize",
                 "template": {"user": "Write a bank customer's question about {{condition.intent}}."},
                 "conditions": [{"name": "intent", "values": %s}],
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}},
                  "required": ["text"]}}}
                """
                .formatted(labels.stream()
                        .map(l -> "{\"value\": \"" + l + "\"}")
                        .collect(Collectors.joining(",", "[", "]")));
    }

    private InsightsViewModel insights() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new InsightsViewModel(
                        new SimpleObjectProperty<>(runs.insights()),
                        tasks,
                        embedder,
                        new SimpleObjectProperty<>(runs.launcher())))
                .get(10, TimeUnit.SECONDS);
    }

    /** Measures {@code chosen} once the view model has listed the runs; the datasets are listed then. */
    private void measure(InsightsViewModel insights, List<RunInfo> chosen) throws Exception {
        fx(insights::reload);
        await(() -> insights.runs().size() >= chosen.size());
        fx(() -> insights.measure(chosen));
        await(() -> !insights.busyProperty().get()
                && insights.measured().size() == chosen.size()
                && insights.utility().datasets().size() == 3);
    }

    /** Another annotate run over the same records, whose model gives every record its gold label. */
    private RunInfo annotateCorrectly(RunInfo like) throws Exception {
        runs.server.always(LoopbackServer.answering(request -> "{\"label\": \""
                + goldOf.get(LoopbackServer.lastUserMessage(request).replaceFirst("^Q: ", "")) + "\"}"));
        RunConfig old = like.config();
        return runs.start(new RunConfig(
                old.promptVersionId(),
                old.mode(),
                old.backend(),
                old.parameters(),
                old.datasetId(),
                old.seed() + 1,
                old.concurrency(),
                old.target(),
                1,
                old.details()));
    }

    private void acceptAll(RunInfo run) {
        runs.project
                .decisions()
                .decide(runs.project.samples().list(run.id(), 0, 1000).stream()
                        .map(Sample::id)
                        .map(id -> Decision.of(id, DecisionStatus.ACCEPTED, null))
                        .toList());
    }

    private static DatasetInfo dataset(UtilityViewModel utility, String name) {
        return utility.datasets().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private void importDataset(String name, String csv) throws Exception {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv);
        runs.project.datasets().importFile(ImportOptions.of(file).withName(name), ImportProgress.NONE);
    }

    /** The first {@code n} questions of each label of a banking77 file, in file order. */
    private static Map<String, List<String>> perLabel(Path file, int n) throws Exception {
        Map<String, List<String>> questions = new LinkedHashMap<>();
        Files.readAllLines(file).stream().skip(1).forEach(line -> {
            int comma = line.lastIndexOf(',');
            if (comma <= 0 || !line.substring(comma + 1).matches("[a-z_?]+")) {
                return;
            }
            String question = unquoted(line.substring(0, comma));
            List<String> of = questions.computeIfAbsent(line.substring(comma + 1), l -> new ArrayList<>());
            // A question spread over lines, or with quotes of its own, would need a CSV parser: left out.
            if (of.size() < n && !question.isBlank() && !question.contains("\"") && !question.contains("\\")) {
                of.add(question);
            }
        });
        return questions;
    }

    private static String unquoted(String field) {
        return field.length() > 1 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1)
                : field;
    }

    private static void row(StringBuilder csv, String question, String label) {
        csv.append('"').append(question).append("\",").append(label).append('\n');
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
