package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics} on annotate runs over a dataset with gold labels, against a loopback server: a run whose model
 * states its confidence has a reliability diagram and its ECE; a run without confidences has none, not a zero.
 */
class MetricsCalibrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LoopbackServer server;
    private InProcessCli cli;

    @BeforeEach
    void project() throws Exception {
        Path project = dir.resolve("p");
        // Eight questions about cards, two about fees; the model always answers "cards", sure at 0.95.
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                IntStream.range(0, 10)
                        .mapToObj(i -> "question " + i + "," + (i < 8 ? "cards" : "fees"))
                        .collect(Collectors.joining("\n", "text,category\n", "\n")));
        try (Project p = new H2ProjectOpener().open(project)) {
            p.datasets().importFile(ImportOptions.of(csv), ImportProgress.NONE);
            for (String name : new String[] {"sure", "plain"}) {
                p.prompts()
                        .save(PromptFile.parse(
                                """
                        {"name": "%s", "mode": "annotate",
                         "task": {"labels": [{"name": "cards"}, {"name": "fees"}], "confidence": %s},
                         "template": {"user": "{{text}}"}}
                        """
                                        .formatted(name, name.equals("sure")),
                                name + ".json"));
            }
        }
        server = new LoopbackServer(LoopbackServer.Protocol.OPENAI);
        cli = new InProcessCli(dir, project);
    }

    @AfterEach
    void close() {
        cli.close();
        server.close();
    }

    @Test
    void aRunWithConfidencesAndGoldHasItsCalibrationAndOneWithoutConfidencesHasNone() throws Exception {
        server.always(LoopbackServer.answer("{\"label\": \"cards\", \"confidence\": 0.95}"));
        annotate("sure");
        server.always(LoopbackServer.answer("{\"label\": \"cards\"}"));
        annotate("plain");

        assertThat(cli.run("metrics", "--run", "1")).as(cli::err).isZero();
        JsonNode calibration = cli.printed().path("metrics").path("calibration");
        assertThat(calibration.path("items").asInt()).isEqualTo(10);
        // All ten in the top bin, sure at 0.95 and right 8 times in 10: ECE = |0.8 − 0.95|.
        assertThat(calibration.path("ece").asDouble()).isCloseTo(0.15, within(1e-9));
        assertThat(calibration.path("bins")).hasSize(10);
        JsonNode top = calibration.path("bins").get(9);
        assertThat(top.path("count").asInt()).isEqualTo(10);
        assertThat(top.path("meanConfidence").asDouble()).isCloseTo(0.95, within(1e-9));
        assertThat(top.path("accuracy").asDouble()).isCloseTo(0.8, within(1e-9));

        assertThat(cli.run("metrics", "--run", "2")).as(cli::err).isZero();
        JsonNode plain = cli.printed().path("metrics");
        assertThat(plain.path("gold").path("accuracy").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(plain.path("calibration").isNull())
                .as("no confidence: no calibration, rather than an ECE of 0")
                .isTrue();
    }

    private void annotate(String prompt) {
        assertThat(cli.run(
                        "run",
                        "--prompt",
                        prompt,
                        "--backend",
                        "openai:" + server.url(),
                        "--model",
                        "tiny",
                        "--dataset",
                        "questions"))
                .as(cli::err)
                .isZero();
    }
}
