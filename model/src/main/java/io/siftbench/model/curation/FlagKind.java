package io.siftbench.model.curation;

/** Which curation filter raised a flag; "reject all flagged by …" acts on one kind. */
public enum FlagKind {
    LENGTH,
    PATTERN,
    INVALID_OUTPUT,
    EXACT_DUPLICATE,
    NEAR_DUPLICATE,
    TOO_SIMILAR_TO_ACCEPTED,
    LOW_JUDGE_SCORE,
    LOW_SELF_CONSISTENCY,
    TURN_COUNT,
    /** The student (k-fold, see {@code io.siftbench.model.student.LabelDoubts}) finds another label more likely. */
    LABEL_DOUBT;

    /** The filter as a person reads it: "near duplicate", "low judge score". */
    public String title() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The filter as typed on the command line and written in an export's flags: "label-doubt". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
