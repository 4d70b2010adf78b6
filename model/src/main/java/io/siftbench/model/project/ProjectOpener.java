package io.siftbench.model.project;

import java.nio.file.Path;

/** Opens a project file, creating a new project where no file exists. */
public interface ProjectOpener {

    /**
     * @throws ProjectException with a message for the user when the file is not a Siftbench project,
     *         was made by a newer Siftbench, or cannot be read; the file is then left as it was
     */
    Project open(Path file);
}
