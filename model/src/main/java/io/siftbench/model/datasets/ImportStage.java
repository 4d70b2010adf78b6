package io.siftbench.model.datasets;

/** An import reads the file twice: once to check it and settle the column types, once to store it. */
public enum ImportStage {
    CHECKING("Checking"),
    STORING("Storing");

    private final String label;

    ImportStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
