package io.siftbench.model.settings;

/** The two AtlantaFX looks the user can switch between. */
public enum Theme {
    LIGHT,
    DARK;

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
