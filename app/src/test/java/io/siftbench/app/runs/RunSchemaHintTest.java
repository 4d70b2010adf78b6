package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.runs.RunSchemaHint;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Runs screen's hint on real runs against a loopback server that, like a llama.cpp server, ignores
 * {@code json_schema} and honours {@code json_object + schema}; the fix is saved in the user's backends file and
 * the next run on that backend is valid.
 */
class RunSchemaHintTest {

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject(this::userBackends);

    private JsonBackendsFile backends;
    private RunSchemaHint hint;

    private BackendSettings userBackends() {
        return backends.load();
    }

    @BeforeEach
    void open() {
        backends = new JsonBackendsFile(fixture.dir().resolve("config/backends.json"));
        backends.save(fixture.loopbackBackends());
        fixture.server()
                .always(LoopbackServer.likeLlamaCpp(
                        "{\"label\": \"card_arrival\"}", "The card is on its way, I think."));
        hint = new RunSchemaHint(
                new SimpleObjectProperty<Project>(fixture.project()).map(Project::samples),
                new CurrentThreadTaskExecutor(),
                backends);
    }

    @Test
    void aRunWhoseFirstSamplesAreInvalidOnJsonSchemaSaysWhyAndTheFixMakesTheNextRunValid() throws Exception {
        RunInfo ignored = finished(fixture.fiveQuestionRun());
        assertThat(ignored.samples()).isEqualTo(5);

        hint.show(ignored);

        assertThat(hint.hintProperty().get())
                .isEqualTo("5 of 5 outputs were not valid JSON for the schema. llama.cpp servers ignore json_schema;");

        hint.sendSchemaAsJsonObject();

        assertThat(backends.load().find("loopback").orElseThrow().schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);
        assertThat(hint.hintProperty().get()).isEmpty();
        assertThat(hint.messageProperty().get())
                .isEqualTo("'loopback' now sends the schema as json_object + schema: re-run to try it.");
        assertThat(hint.savedBackendsProperty().get()).isEqualTo(backends.load());

        RunInfo again = finished(fixture.fiveQuestionRun());
        hint.show(again);
        assertThat(fixture.project().samples().list(again.id(), 0, 10))
                .hasSize(5)
                .allMatch(s -> s.valid());
        assertThat(hint.hintProperty().get())
                .as("the run on json_object is valid")
                .isEmpty();
        assertThat(hint.messageProperty().get()).as("another run, another word").isEmpty();
    }

    @Test
    void noHintForARunWhoseBackendIsNotTheUsersOrAlreadySendsJsonObject() throws Exception {
        RunInfo run = finished(fixture.fiveQuestionRun());
        backends.save(BackendSettings.EMPTY);

        hint.show(run);
        assertThat(hint.hintProperty().get())
                .as("a backend not in Settings (a command line's) cannot be fixed here")
                .isEmpty();

        backends.save(new BackendSettings(
                java.util.List.of(
                        fixture.loopbackBackends().backends().get(0).withSchemaStyle(SchemaStyle.JSON_OBJECT)),
                "loopback",
                null));
        RunInfo other = finished(fixture.fiveQuestionRun());
        hint.show(other);
        assertThat(hint.hintProperty().get()).isEmpty();
    }

    private RunInfo finished(RunInfo run) throws Exception {
        fixture.launcher().execute(run.id(), (s, p) -> {}, () -> false);
        return fixture.project().runs().find(run.id()).orElseThrow();
    }
}
