package io.siftbench.app.example;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The example project that ships with Siftbench, so that the whole loop can be seen in a few minutes: 300 banking
 * questions (30 of each of ten intents, from Banking77, CC BY 4.0) with their text and label columns marked, an
 * annotate prompt with four label-balanced demonstrations, a synthesize prompt with two conditions (intent and tone)
 * and a judge that scores labels. Where the user has no backend yet, the tiny demo model that ships with it is
 * offered as one: it writes nonsense and only shows the mechanics.
 */
public final class ExampleProject {

    /** The example dataset's name, as the annotate prompt's demonstrations name it. */
    public static final String DATASET = "banking77-sample";

    /** The prompts of the example, by file, in the order the studio lists what a researcher tries first. */
    public static final List<String> PROMPTS = List.of("intent", "questions", "label-fits");

    /** The demo model's backend name says what it is, wherever a backend is chosen. */
    public static final String DEMO_BACKEND = "Demo model (writes nonsense)";

    private static final String RESOURCES = "/io/siftbench/app/example/";
    private static final String DEMO_MODEL = "demo-model-writes-nonsense.gguf";

    private ExampleProject() {}

    /** Fills {@code project} (a new, empty one) with the example's dataset and prompts. */
    public static void fill(Project project) {
        Path csv = null;
        try {
            csv = Files.createTempFile("siftbench-example-", ".csv");
            copy(DATASET + ".csv", csv);
            project.datasets()
                    .importFile(
                            ImportOptions.of(csv).withName(DATASET).withColumns(List.of(), "text", "category"),
                            ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the example dataset to a temporary file", e);
        } finally {
            deleteQuietly(csv);
        }
        for (String name : PROMPTS) {
            project.prompts().save(prompt(name));
        }
    }

    /** The example prompt {@code name} as shipped. */
    static PromptVersion prompt(String name) {
        return PromptFile.parse(text(name + ".json"), "the example's " + name + ".json");
    }

    /**
     * Adds the demo model as a backend when the user has none, copying it to {@code modelsFolder} (a GGUF file is
     * read from disk); a user who has a backend keeps exactly the backends they had.
     *
     * @return the demo backend when it was added
     */
    public static Optional<BackendConfig> offerDemoModel(BackendSettingsRepository backends, Path modelsFolder) {
        BackendSettings settings = backends.load();
        if (!settings.backends().isEmpty()) {
            return Optional.empty();
        }
        Path model = modelsFolder.resolve(DEMO_MODEL);
        try {
            Files.createDirectories(modelsFolder);
            copy(DEMO_MODEL, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the demo model to " + model, e);
        }
        // One thread: the model is so small that a second thread only waits on the first (25× slower on 2 cores).
        BackendConfig demo = new BackendConfig(
                DEMO_BACKEND,
                BackendKind.GGUF,
                model.toString(),
                "stories260K",
                "",
                SchemaStyle.JSON_SCHEMA,
                null,
                false,
                1,
                BackendConfig.DEFAULT_CONTEXT_SIZE,
                1,
                BackendConfig.DEFAULT_MAX_RETRIES,
                BackendConfig.DEFAULT_KEEP_ALIVE,
                java.util.List.of());
        backends.save(settings.with(null, demo));
        return Optional.of(demo);
    }

    /** What the window tells once the example is made: what is in it, and what to run it on. */
    public static String told(Optional<BackendConfig> demo) {
        String made = "It holds " + DATASET + " (300 banking questions, ten intents) and three prompts: intent "
                + "(annotate, with four demonstrations), questions (synthesize, intent × tone) and label-fits "
                + "(a judge). ";
        return made
                + demo.map(d -> "You had no backend, so the demo model was added as '" + d.name()
                                + "': it only shows the mechanics. Add your own server in Settings for real labels. ")
                        .orElse("")
                + "On the Runs screen, New run… starts a run.";
    }

    /** Where the bundled data and model come from, and their licences, as Help ▸ About lists them. */
    public static List<String> attributions() {
        return List.of(
                DATASET + ".csv (the example project): 300 questions, 30 of each of ten intents, from Banking77 by "
                        + "PolyAI (Casanueva et al., 2020, \"Efficient Intent Detection with Dual Sentence "
                        + "Encoders\"), CC BY 4.0; selected, not changed.",
                "The demo model (" + DEMO_MODEL + "): stories260K from Andrej Karpathy's tinyllamas (llama2.c), "
                        + "MIT License, in the GGUF form of llama.cpp's CI. It writes nonsense; it only shows "
                        + "the mechanics.");
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = ExampleProject.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from this build of Siftbench");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String text(String resource) {
        try (InputStream in = ExampleProject.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from this build of Siftbench");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind is the system's to clean; the example itself is made.
                file.toFile().deleteOnExit();
            }
        }
    }
}
