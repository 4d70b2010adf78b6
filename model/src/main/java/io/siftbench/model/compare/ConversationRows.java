package io.siftbench.model.compare;

import io.siftbench.model.insights.RunSources;
import io.siftbench.model.pipelines.RunStep;
import io.siftbench.model.pipelines.SampleChain;
import io.siftbench.model.runs.RunInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Compare's rows of a dialogue's turn runs: what each row answers is the conversation so far, so it is shown as the
 * row's input, turn by turn ("turn 1 · user: …"), in place of the condition values the row aligns by.
 */
public final class ConversationRows {

    private ConversationRows() {}

    /** {@code rows} of {@code variants} (in the rows' cell order), a turn's row showing its conversation so far. */
    public static List<CompareRow> of(List<CompareRow> rows, List<RunInfo> variants, RunSources sources) {
        if (variants.stream().noneMatch(run -> RunStep.turnOf(run).isPresent())) {
            return rows;
        }
        List<CompareRow> shown = new ArrayList<>(rows.size());
        for (CompareRow row : rows) {
            shown.add(withConversation(row, variants, sources));
        }
        return shown;
    }

    private static CompareRow withConversation(CompareRow row, List<RunInfo> variants, RunSources sources) {
        for (int v = 0; v < row.cells().size(); v++) {
            RunInfo run = variants.get(v);
            if (row.cells().get(v) == null || RunStep.turnOf(run).isEmpty()) {
                continue;
            }
            SampleChain chain = SampleChain.read(
                    sources.samples(),
                    sources.runs(),
                    sources.pipelines(),
                    run,
                    row.cells().get(v).sample());
            return chain.present() ? new CompareRow(row.key(), chain.transcript(), row.cells()) : row;
        }
        return row;
    }
}
