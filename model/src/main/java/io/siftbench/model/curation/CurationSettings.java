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
 * @param nearDuplicate   the threshold of near duplicates, in (0, 1]: a MinHash Jaccard similarity or an embedding
 *                        cosine, as {@code nearDuplicateMethod} says
 * @param minAgreement    flag samples whose self-consistency votes agree less than this
 * @param minJudgeScore   flag samples the newest judge run scored below this; null for the judge's pass mark
 *                        (a fail, or the lower half of its scale, see {@link io.siftbench.model.prompts.JudgeScale#passMark()})
 * @param nearDuplicateMethod how near duplicates are found; null for MinHash
 * @param tooSimilar      warn in Review when a sample's embedding cosine to an accepted sample is at least this
 * @param minTurns        flag a dialogue's conversations of fewer turns than this; null for no minimum
 * @param maxTurns        flag a dialogue's conversations of more turns than this; null for no maximum
 */
public record CurationSettings(
        Integer minWords,
        Integer maxWords,
        String mustMatch,
        String mustNotMatch,
        List<String> keywords,
        double nearDuplicate,
        double minAgreement,
        Double minJudgeScore,
        NearDuplicateMethod nearDuplicateMethod,
        double tooSimilar,
        Integer minTurns,
        Integer maxTurns) {

    public CurationSettings {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        nearDuplicateMethod = nearDuplicateMethod == null ? NearDuplicateMethod.MINHASH : nearDuplicateMethod;
    }

    /** Thresholds with no bound on a dialogue's turns. */
    public CurationSettings(
            Integer minWords,
            Integer maxWords,
            String mustMatch,
            String mustNotMatch,
            List<String> keywords,
            double nearDuplicate,
            double minAgreement,
            Double minJudgeScore,
            NearDuplicateMethod nearDuplicateMethod,
            double tooSimilar) {
        this(
                minWords,
                maxWords,
                mustMatch,
                mustNotMatch,
                keywords,
                nearDuplicate,
                minAgreement,
                minJudgeScore,
                nearDuplicateMethod,
                tooSimilar,
                null,
                null);
    }

    /**
     * No length or pattern rule; near duplicates at 0.7 MinHash Jaccard; votes agreeing less than 0.6; a warning at
     * 0.9 cosine to an accepted sample; judge scores below the judge's pass mark.
     */
    public static CurationSettings defaults() {
        return new CurationSettings(
                null,
                null,
                null,
                null,
                List.of(),
                MinHashDetector.DEFAULT_THRESHOLD,
                0.6,
                null,
                NearDuplicateMethod.MINHASH,
                TooSimilarToAcceptedFilter.DEFAULT_THRESHOLD);
    }

    /** The same thresholds with these bounds on a dialogue's turns (either null for none). */
    public CurationSettings withTurns(Integer fewest, Integer most) {
        return new CurationSettings(
                minWords,
                maxWords,
                mustMatch,
                mustNotMatch,
                keywords,
                nearDuplicate,
                minAgreement,
                minJudgeScore,
                nearDuplicateMethod,
                tooSimilar,
                fewest,
                most);
    }

    /** The same thresholds with another minimum judge score (null for the judge's pass mark). */
    public CurationSettings withMinJudgeScore(Double score) {
        return new CurationSettings(
                minWords,
                maxWords,
                mustMatch,
                mustNotMatch,
                keywords,
                nearDuplicate,
                minAgreement,
                score,
                nearDuplicateMethod,
                tooSimilar,
                minTurns,
                maxTurns);
    }
}
