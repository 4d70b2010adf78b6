package io.siftbench.views.shell;

import io.siftbench.model.project.Project;

/** Fills a new, empty project with the example that ships with Siftbench (File ▸ New example project…). */
@FunctionalInterface
public interface ExampleMaker {

    /**
     * Fills {@code project}; runs in the background.
     *
     * @return what the user should be told the example set up, e.g. which backend to run it on
     */
    String fill(Project project);
}
