package io.siftbench.views.prompts;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user where a prompt file goes or comes from; UI tests answer in the user's place. */
public interface PromptFileDialogs {

    Optional<Path> chooseExport(Window owner, String suggestedName);

    Optional<Path> chooseImport(Window owner);
}
