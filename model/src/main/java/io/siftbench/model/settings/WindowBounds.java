package io.siftbench.model.settings;

/** Where the main window was and how big, so that it reopens the same way. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    public static final WindowBounds DEFAULT = new WindowBounds(Double.NaN, Double.NaN, 1280, 800, false);

    /** True where no position was remembered yet, so the window should be centred. */
    public boolean unplaced() {
        return Double.isNaN(x) || Double.isNaN(y);
    }
}
