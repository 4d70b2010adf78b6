package io.siftbench.storage.prompts;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.siftbench.model.prompts.DiffLine;
import java.util.ArrayList;
import java.util.List;

/** The whole of two texts line by line, each line marked same, added or removed (Myers' diff). */
final class PromptDiff {

    private PromptDiff() {}

    static List<DiffLine> lines(String older, String newer) {
        List<String> a = older.lines().toList();
        List<String> b = newer.lines().toList();
        List<DiffLine> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            while (i < delta.getSource().getPosition()) {
                out.add(new DiffLine(DiffLine.Kind.SAME, a.get(i), ++i, ++j));
            }
            for (String removed : delta.getSource().getLines()) {
                out.add(new DiffLine(DiffLine.Kind.REMOVED, removed, ++i, 0));
            }
            for (String added : delta.getTarget().getLines()) {
                out.add(new DiffLine(DiffLine.Kind.ADDED, added, 0, ++j));
            }
        }
        while (i < a.size()) {
            out.add(new DiffLine(DiffLine.Kind.SAME, a.get(i), ++i, ++j));
        }
        return out;
    }
}
