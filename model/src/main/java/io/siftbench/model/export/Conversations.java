package io.siftbench.model.export;

import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.ContinuedTurns;
import io.siftbench.model.runs.DialogueTurn;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversations of a dialogue's turn run: a conversation is the sample of its last turn, and its chain of
 * earlier turns, read back turn by turn (the user's, the assistant's, …; each the text that counts after review). A
 * sample that the next turn continued is a line of a longer conversation, not a conversation of its own.
 */
final class Conversations {

    /** No conversation: a run that is no dialogue's turn. */
    static final Conversations NONE = new Conversations(null, Map.of(), Set.of());

    private final DialogueTurn turn;
    private final Map<Long, ReviewItem> earlierTurns;
    private final Set<Long> continued;

    private Conversations(DialogueTurn turn, Map<Long, ReviewItem> earlierTurns, Set<Long> continued) {
        this.turn = turn;
        this.earlierTurns = earlierTurns;
        this.continued = continued;
    }

    /** The conversations ending in {@code run}; {@link #NONE} when it is no dialogue's turn. */
    static Conversations of(ExportSources sources, RunInfo run) {
        StepLink link = RunDetails.fromJson(run.config().details()).step();
        if (link == null || link.turn() == null) {
            return NONE;
        }
        Map<Long, ReviewItem> earlier = new HashMap<>();
        StepLink at = link;
        for (int number = link.turn().number(); number > 1 && at != null && at.continuesAStep(); number--) {
            long parentRun = at.parentRun();
            sources.review().items(parentRun).forEach(item -> earlier.put(item.sampleId(), item));
            at = sources.runs()
                    .find(parentRun)
                    .map(r -> RunDetails.fromJson(r.config().details()).step())
                    .orElse(null);
        }
        return new Conversations(link.turn(), earlier, ContinuedTurns.of(sources.runs(), sources.samples(), run.id()));
    }

    /** Whether the sample is a line of a conversation that a later turn goes on with. */
    boolean continued(long sampleId) {
        return continued.contains(sampleId);
    }

    /** The conversation {@code item} ends, oldest turn first; null when the run is no dialogue's turn. */
    List<Message> of(ReviewItem item) {
        if (turn == null) {
            return null;
        }
        List<Message> messages = new ArrayList<>();
        ReviewItem at = item;
        for (int number = turn.number(); number >= 1 && at != null; number--) {
            messages.add(new Message(new DialogueTurn(turn.dialogue(), number, null).role(), at.text()));
            Long parent = at.sample().slot().parentSampleId();
            at = parent == null ? null : earlierTurns.get(parent);
        }
        Collections.reverse(messages);
        return List.copyOf(messages);
    }
}
