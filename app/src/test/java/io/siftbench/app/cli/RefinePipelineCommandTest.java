package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draft → critique → refine pipeline shipped in docs/examples, run through the command line in-process on a
 * real project file, against a loopback server speaking the OpenAI protocol through the real langchain4j client:
 * each refined text is stored as preferred over its draft, exactly once however often the pipeline run is resumed,
 * and the preference-pairs export writes them with the draft's request as the prompt. A {@code prefer} naming no
 * earlier step of the chain, and a step prompt reading what its chain does not carry, are refused naming the step.
 */
class RefinePipelineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final AtomicInteger drafts = new AtomicInteger();

    private LoopbackServer server;
    private Path project;
    private InProcessCli cli;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.resolve("p");
        cli = new InProcessCli(dir, project);
        // Step 1 is asked "Topic: …", step 2 "Critique this draft about …:\n<draft>", step 3 "Draft:\n<draft>\n\n
        // Critique:\n<critique>". The refiner leaves a draft about a fee as it was: no pair can come of that.
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI).always(LoopbackServer.answering(request -> {
            String asked = LoopbackServer.lastUserMessage(request);
            if (asked.startsWith("Topic: ")) {
                return InProcessCli.textAnswer("draft " + drafts.incrementAndGet() + " on " + asked.substring(7));
            }
            if (asked.startsWith("Critique this draft")) {
                return InProcessCli.textAnswer("too short: " + asked.substring(asked.indexOf('\n') + 1));
            }
            String draft = asked.substring("Draft:\n".length(), asked.indexOf("\n\nCritique:"));
            return InProcessCli.textAnswer(draft.contains("fee") ? draft : "refined " + draft);
        }));
        cli.addExamples("draft-writer.prompt.json", "critic.prompt.json", "refiner.prompt.json");
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void eachRefinedTextIsPreferredOverItsDraftOnceAndTheDpoExportWritesThePairs() throws Exception {
        cli.addExamples("draft-critique-refine.pipeline.json");
        assertThat(cli.printed().path("steps"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "draft: draft-writer@1 ← none",
                        "critique: critic@1 ← step:draft",
                        "refine: refiner@1 ← step:critique, preferred over draft");

        assertThat(cli.run(
                        "run",
                        "--pipeline",
                        "draft-critique-refine",
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--samples",
                        "6",
                        "--concurrency",
                        "2"))
                .as(cli::err)
                .isZero();

        JsonNode steps = cli.printed().path("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps).allSatisfy(s -> assertThat(s.path("samples").asInt()).isEqualTo(6));
        long draftRun = steps.get(0).path("run").asLong();
        long refineRun = steps.get(2).path("run").asLong();
        assertThat(steps.get(2).path("preferencePairs").asInt())
                .as("six refined texts, two of them the same as their draft")
                .isEqualTo(4);
        assertThat(server.chatRequests()).isEqualTo(18);
        assertThat(server.bodies())
                .extracting(LoopbackServer::lastUserMessage)
                .as("the critic reads the topic its draft was written on, a condition of step 1")
                .filteredOn(m -> m.startsWith("Critique this draft"))
                .hasSize(6)
                .allSatisfy(m -> assertThat(m).startsWith("Critique this draft about a "));

        List<PreferenceStore.Preference> pairs;
        Map<Long, Sample> drafted;
        try (Project p = new H2ProjectOpener().open(project)) {
            drafted = p.samples().list(draftRun, 0, 100).stream()
                    .collect(Collectors.toMap(Sample::id, Function.identity()));
            pairs = p.preferences().ofRun(refineRun);
            assertThat(pairs).hasSize(4).allSatisfy(pair -> {
                assertThat(pair.origin()).isEqualTo(PreferenceStore.Origin.PIPELINE);
                Sample refined = p.samples().find(pair.chosenSampleId()).orElseThrow();
                Sample critique =
                        p.samples().find(refined.slot().parentSampleId()).orElseThrow();
                assertThat(refined.runId()).isEqualTo(refineRun);
                assertThat(pair.rejectedSampleId())
                        .as("the refined text is preferred over the draft of its own chain")
                        .isEqualTo(critique.slot().parentSampleId());
                assertThat(refined.text())
                        .isEqualTo("refined "
                                + drafted.get(pair.rejectedSampleId()).text());
            });
        }

        assertThat(cli.run("run", "--resume", String.valueOf(draftRun)))
                .as(cli::err)
                .isZero();
        assertThat(server.chatRequests()).as("nothing was missing").isEqualTo(18);
        try (Project p = new H2ProjectOpener().open(project)) {
            assertThat(p.preferences().ofRun(refineRun))
                    .as("a resume records no pair twice")
                    .isEqualTo(pairs);
        }

        Path dpo = dir.resolve("out/pairs.jsonl");
        assertThat(cli.run("export", "--run", String.valueOf(refineRun), "--format", "dpo", "--out", dpo.toString()))
                .as(cli::err)
                .isZero();
        List<JsonNode> written = new ArrayList<>();
        for (String line : Files.readAllLines(dpo)) {
            written.add(JSON.readTree(line));
        }
        assertThat(written).hasSize(4).allSatisfy(pair -> {
            Sample draft = drafted.get(pair.path("rejected_id").asLong());
            assertThat(draft).as("the rejected sample is a draft").isNotNull();
            assertThat(pair.path("source").asText()).isEqualTo("pipeline");
            assertThat(pair.path("rejected").asText()).isEqualTo(draft.text());
            assertThat(pair.path("chosen").asText()).isEqualTo("refined " + draft.text());
            assertThat(pair.path("prompt").asText())
                    .as("the request both texts answer: the draft's")
                    .isEqualTo(draft.slot().messages().stream()
                            .map(Message::content)
                            .collect(Collectors.joining("\n\n")))
                    .contains("Topic: ");
        });
    }

    @Test
    void aPreferenceOverAStepOutsideTheChainIsRefusedNamingTheStepAndNothingIsStored() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.pipeline.json"),
                """
                {"name": "dcr", "steps": [
                  {"name": "draft", "prompt": "draft-writer", "input": "none"},
                  {"name": "other", "prompt": "draft-writer", "input": "none", "prefer": {"over": "draft"}},
                  {"name": "critique", "prompt": "critic", "input": "step:draft"},
                  {"name": "refine", "prompt": "refiner", "input": "step:critique", "prefer": {"over": "other"}}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();

        assertThat(cli.err())
                .contains("steps[3].prefer.over: 'other' is no earlier step of this step's chain (critique, draft)")
                .contains("steps[1].prefer.over: 'draft' is no earlier step of this step's chain (the step reads"
                        + " no earlier step, so it has nothing to be preferred over)");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }

    @Test
    void aStepPromptMayReadItsChainsConditionsAndRecordWhichThePipelineSaveChecks() throws Exception {
        Path prompt = Files.writeString(
                dir.resolve("echo.prompt.json"),
                """
                {"name": "echo", "mode": "synthesize",
                 "template": {"user": "{{steps.draft.text}} / {{record.text}} / {{condition.topic}} {{condition.mood}}"},
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                """);
        assertThat(cli.run("prompt", "add", "--file", prompt.toString()))
                .as("the prompt's own checks leave what a chain gives a step to the pipeline: " + cli.err())
                .isZero();
        Path file = Files.writeString(
                dir.resolve("echo.pipeline.json"),
                """
                {"name": "echoes", "steps": [
                  {"name": "draft", "prompt": "draft-writer", "input": "none"},
                  {"name": "echo", "prompt": "echo", "input": "step:draft"}
                ]}
                """);

        assertThat(cli.run("pipeline", "add", "--file", file.toString())).isNotZero();

        assertThat(cli.err())
                .contains("steps[1] (echo): prompt 'echo@1' uses {{record.text}}, but its chain starts from no dataset"
                        + " (step 'draft' has input \"none\"), so there is no record")
                .contains("steps[1] (echo): prompt 'echo@1' uses {{condition.mood}}, but no prompt of its chain"
                        + " (echo, draft) has a condition 'mood' (they have topic)")
                .doesNotContain("{{condition.topic}}");
        assertThat(cli.run("pipelines")).isZero();
        assertThat(cli.printed()).isEmpty();
    }
}
