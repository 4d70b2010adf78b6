package io.siftbench.views.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The screens of the main window, in navigation order. */
public enum Screen {
    DATASETS("Datasets", Material2OutlinedAL.FOLDER_OPEN),
    PROMPT_STUDIO("Prompt studio", Material2OutlinedAL.EDIT),
    PIPELINES("Pipelines", Material2OutlinedAL.ACCOUNT_TREE),
    COMPARE("Compare", Material2OutlinedAL.COMPARE),
    REVIEW("Review", Material2OutlinedAL.CHECK_CIRCLE),
    INSIGHTS("Insights", Material2OutlinedAL.INSIGHTS),
    RUNS("Runs", Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE),
    SETTINGS("Settings", Material2OutlinedMZ.SETTINGS);

    private final String title;
    private final Ikon icon;

    Screen(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }
}
