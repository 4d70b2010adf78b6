package io.siftbench.model.curation;

import java.util.List;

/**
 * The researcher's thresholds for the curation filters of a run.
 *
 * @param minWords        flag samples shorter than this many words; null for no minimum
 * @param maxWords        flag samples longer than this many words; null for no maximum
 * @param mustMatch       a regular expression every sample must contain a match of; null or empty for none
 * @param mustNotMatch    a regular expression no sample may contain a match of; null or empty for none
 * @param keywords        words or phrases no sample may contain
 * @param nearDuplicate   the MinHash Jaccard threshold of near duplicates, in (0, 1]
 * @param minAgreement    flag samples whose self-consistency votes agree less than this
 * @param minJudgeScore   flag samples the newest judge run scored below this; null for the judge's pass mark
 *                        (a fail, or the lower half of its scale, see {@link io.siftbench.model.prompts.JudgeScale#passMark()})
 */
public record CurationSettings(Integer minWords, Integer maxWords, String mustMatch, String mustNotMatch,
                               List<String> keywords, double nearDuplicate, double minAgreement,
                               Double minJudgeScore) {

    public CurationSettings {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /**
     * No length or pattern rule; near duplicates at 0.7 Jaccard; votes agreeing less than 0.6; judge scores
     * below the judge's pass mark.
     */
    public static CurationSettings defaults() {
        return new CurationSettings(null, null, null, null, List.of(), MinHashDetector.DEFAULT_THRESHOLD, 0.6, null);
    }

    /** The same thresholds with another minimum judge score (null for the judge's pass mark). */
    public CurationSettings withMinJudgeScore(Double score) {
        return new CurationSettings(minWords, maxWords, mustMatch, mustNotMatch, keywords, nearDuplicate,
                minAgreement, score);
    }
}
