package io.siftbench.model.export;

import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sample as it leaves the workbench: what was asked, the answer that counts after review, and where it
 * came from. In annotate mode the input is the record's text and the output the label; in synthesize mode
 * the input is the rendered request and the output the generated text.
 *
 * @param run    the run with its prompt version and backend
 * @param item   the sample with the decision that counts and its flags
 * @param input  the record's text (annotate) or the last user message (synthesize)
 * @param parentText the text of the sample of the earlier pipeline step this one continues, as the step read it
 *               (the question an answer answers), or null when it continues none
 * @param split  where it goes
 * @param conversation for the last turn of a dialogue's conversation, its turns, oldest first (the user's, the
 *               assistant's, …); null for a sample that ends no conversation
 */
public record ExportRecord(
        RunInfo run, ReviewItem item, String input, String parentText, Split split, List<Message> conversation) {

    /**
     * The record of {@code item}; {@code recordText} is the annotated record's text, or null where the run
     * has none (synthesize mode, or a dataset deleted since), which makes the request the input.
     */
    public static ExportRecord of(RunInfo run, ReviewItem item, String recordText) {
        return of(run, item, recordText, null);
    }

    /** As {@link #of(RunInfo, ReviewItem, String)}, for a sample of a step that continues {@code parentText}. */
    public static ExportRecord of(RunInfo run, ReviewItem item, String recordText, String parentText) {
        return new ExportRecord(
                run,
                item,
                recordText != null ? recordText : lastUserMessage(item.sample()),
                parentText,
                Split.ALL,
                null);
    }

    public ExportRecord in(Split newSplit) {
        return new ExportRecord(run, item, input, parentText, newSplit, conversation);
    }

    /** The record as the last turn of {@code turns}, the conversation it ends. */
    public ExportRecord ending(List<Message> turns) {
        return new ExportRecord(run, item, input, parentText, split, turns);
    }

    public Sample sample() {
        return item.sample();
    }

    public long id() {
        return item.sampleId();
    }

    public PromptMode mode() {
        return run.config().mode();
    }

    public Decision decision() {
        return item.decision();
    }

    /** The answer that counts: the researcher's when edited, else the model's. */
    public String output() {
        return mode() == PromptMode.ANNOTATE ? item.label() : item.text();
    }

    /** The model's own answer, which an edit replaced. */
    public String originalOutput() {
        return mode() == PromptMode.ANNOTATE ? sample().label() : sample().text();
    }

    public String label() {
        return item.label();
    }

    public Map<String, String> conditions() {
        return sample().conditions();
    }

    public List<String> flags() {
        return item.flags();
    }

    /** The text a classifier learns from: the record (annotate) or the generated sample (synthesize). */
    public String classifiedText() {
        return mode() == PromptMode.ANNOTATE ? input : output();
    }

    /**
     * What the sample answers as an instruction: the text of the earlier step it continues (the question, for an
     * answer step), else the system messages, which say what the task is.
     */
    public String instruction() {
        if (parentText != null) {
            return parentText;
        }
        return sample().slot().messages().stream()
                .filter(m -> m.role().equals("system"))
                .map(Message::content)
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * What goes with the instruction: nothing for a sample that continues an earlier step, whose instruction is
     * already the whole request, else the input.
     */
    public String instructionInput() {
        return parentText != null ? "" : input;
    }

    /** Every message the model got, one after the other, as a single prompt text. */
    public String promptText() {
        return sample().slot().messages().stream().map(Message::content).collect(Collectors.joining("\n\n"));
    }

    /** The condition values in a fixed order, the stratum of a synthesize split. */
    public String conditionKey() {
        return new java.util.TreeMap<>(conditions()).toString();
    }

    private static String lastUserMessage(Sample sample) {
        List<Message> messages = sample.slot().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
