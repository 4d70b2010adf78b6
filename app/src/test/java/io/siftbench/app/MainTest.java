package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A double-clicked project file opens the window; anything else stays a command line. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void anExistingProjectFileAloneOpensTheWindowWithIt() throws Exception {
        Path project = Files.writeString(dir.resolve("banking.mv.db"), "H:2,");

        assertThat(Main.projectToOpen(project.toString())).contains(project.toAbsolutePath());
    }

    @Test
    void aMissingProjectFileIsLeftToTheCommandLine() {
        assertThat(Main.projectToOpen(dir.resolve("gone.mv.db").toString())).isEmpty();
    }

    @Test
    void aFolderNamedLikeAProjectIsNotOpened() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("odd.mv.db"));

        assertThat(Main.projectToOpen(folder.toString())).isEmpty();
    }

    @Test
    void subcommandsAndSeveralArgumentsStayCommandLines() throws Exception {
        Path project = Files.writeString(dir.resolve("banking.mv.db"), "H:2,");

        assertThat(Main.projectToOpen("datasets")).isEmpty();
        assertThat(Main.projectToOpen("datasets", "--project", project.toString()))
                .isEmpty();
        assertThat(Main.projectToOpen(project.toString(), project.toString())).isEmpty();
        assertThat(Main.projectToOpen()).isEmpty();
    }
}
