package io.siftbench.app.cli;

import io.siftbench.model.student.SampleFields;
import picocli.CommandLine.Option;

/** {@code --text-from F --label-from NAME}: which of a run's sample values the student reads and learns. */
public final class SampleFieldOptions {

    @Option(
            names = "--label-from",
            paramLabel = "NAME",
            description = "The condition or output field that holds a run's label (a synthesize run's, such as"
                    + " intent); default: the label the run knows, the researcher's where they changed it.")
    String labelFrom;

    @Option(
            names = "--text-from",
            paramLabel = "FIELD",
            description = "The output field a run's text is read from; default: the sample's text (an annotate"
                    + " run's record text).")
    String textFrom;

    SampleFields fields() {
        return new SampleFields(textFrom, labelFrom);
    }
}
