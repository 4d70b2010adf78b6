package io.siftbench.views.project;

import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunStore;
import java.util.List;

/**
 * The runs of a project a judge may score, as the New run form and the studio's run to judge offer them.
 */
public final class JudgeableRuns {

    private JudgeableRuns() {}

    /** Every run in {@code runs} but the judge runs, newest first; reads the store. */
    public static List<RunInfo> of(RunStore runs) {
        return runs.list().stream().filter(RunInfo::judgeable).toList();
    }

    /** A run as a chooser of the run to judge shows it: what it is and how many samples it has to judge. */
    public static String text(RunInfo r) {
        return RunLabel.of(r, r.config().mode().id(), r.answered() + " answered samples");
    }
}
