package io.siftbench.model.runs;

import java.util.List;
import java.util.Map;

/**
 * One planned request of a run, fixed by the run's seed before anything is sent: which record (annotate),
 * which condition values (synthesize) or which sample (judge), which demonstrations, and the exact messages. Its key names it,
 * so that a resumed run sends exactly the slots that have no sample yet.
 *
 * @param key        unique within the run, stable across resumes
 * @param ordinal    position in the run's order, from 0
 * @param recordId   the input record, or null in synthesize mode
 * @param conditions the values of the switched-on conditions, by condition name
 * @param demonstrationIds the records shown as demonstrations
 * @param messages   exactly what the model receives
 * @param judgedSampleId in a judge run, the sample this slot judges (its record and conditions are that
 *                   sample's); null in the other modes
 * @param parentSampleId in a pipeline step that reads an earlier step, the sample of that step this slot
 *                   continues (its record and conditions are that sample's); null otherwise. Kept apart from
 *                   {@code judgedSampleId} because a judge's sample is a verdict on the sample it names, which
 *                   Review and the curation filters read as one, and a step's sample is not
 */
public record Slot(
        String key,
        int ordinal,
        Long recordId,
        Map<String, String> conditions,
        List<Long> demonstrationIds,
        List<Message> messages,
        Long judgedSampleId,
        Long parentSampleId) {

    public Slot {
        conditions = Map.copyOf(conditions);
        demonstrationIds = List.copyOf(demonstrationIds);
        messages = List.copyOf(messages);
    }

    /** A slot that continues no earlier step's sample. */
    public Slot(
            String key,
            int ordinal,
            Long recordId,
            Map<String, String> conditions,
            List<Long> demonstrationIds,
            List<Message> messages,
            Long judgedSampleId) {
        this(key, ordinal, recordId, conditions, demonstrationIds, messages, judgedSampleId, null);
    }

    /** A slot of an annotate or synthesize run, which judges no sample. */
    public Slot(
            String key,
            int ordinal,
            Long recordId,
            Map<String, String> conditions,
            List<Long> demonstrationIds,
            List<Message> messages) {
        this(key, ordinal, recordId, conditions, demonstrationIds, messages, null, null);
    }
}
