package io.siftbench.storage.export;

import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Export tests start from the curated {@link ExportFixture} project in a fresh folder. */
abstract class CuratedProjectTest {

    @TempDir
    Path dir;

    Project project;
    ExportFixture fixture;

    @BeforeEach
    void curatedProject() throws Exception {
        project = new H2ProjectOpener().open(dir.resolve("export.mv.db"));
        fixture = new ExportFixture(project, dir).curateAnnotations().curateStories();
    }

    @AfterEach
    void closeProject() {
        project.close();
    }
}
