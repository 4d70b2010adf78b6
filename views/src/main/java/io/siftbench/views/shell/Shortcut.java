package io.siftbench.views.shell;

/** A key or key combination and what it does, as Help ▸ Keyboard shortcuts and a screen's hint line show it. */
public record Shortcut(String keys, String what) {

    /** "A accept": how a hint line names it. */
    public String hint() {
        return keys + " " + what;
    }
}
