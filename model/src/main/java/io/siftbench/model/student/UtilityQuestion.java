package io.siftbench.model.student;

/**
 * What a run's utility report is asked: which of its samples the student learns from and how it reads them, the
 * dataset it is tested on, the gold training set of the ceiling and the few-shot baseline's k.
 *
 * @param trainOn         the accepted and edited samples, or all the samples not rejected
 * @param fields          which of a sample's values are its text and its label
 * @param testDataset     the dataset with gold labels the student is scored on
 * @param testText        its text column; null for the dataset's text role
 * @param testLabel       its label column; null for the dataset's label role
 * @param goldDataset     a gold training set for the ceiling and the few-shot examples (its roles); null for none,
 *                        the few-shot examples then come from the test dataset
 * @param fewShotPerLabel k real examples per label of the few-shot baseline; 0 for none
 */
public record UtilityQuestion(
        TrainingSamples trainOn,
        SampleFields fields,
        String testDataset,
        String testText,
        String testLabel,
        String goldDataset,
        int fewShotPerLabel) {

    /** k of the few-shot baseline unless chosen otherwise. */
    public static final int DEFAULT_FEW_SHOT = 8;

    public UtilityQuestion {
        if (testDataset == null || testDataset.isBlank()) {
            throw new IllegalArgumentException("choose a dataset with gold labels to test the student on");
        }
        if (fewShotPerLabel < 0) {
            throw new IllegalArgumentException("k of the few-shot baseline cannot be negative, was " + fewShotPerLabel);
        }
        fields = fields == null ? SampleFields.DEFAULT : fields;
    }
}
