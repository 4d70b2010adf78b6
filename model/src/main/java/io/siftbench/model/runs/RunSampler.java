package io.siftbench.model.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.Generation;
import io.siftbench.model.backends.GenerationException;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.OutputSchema;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.insights.Votes;
import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.model.prompts.Label;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Makes the sample of one slot: sends its messages to the backend with the output schema, keeps the raw
 * text, the parsed fields and the validation result. With self-consistency it asks {@code votes} times
 * (each with its own seed) and keeps every answer: the label is the majority, the confidence the agreement.
 * A judge's reply is read as a {@link JudgeVerdict}.
 */
public final class RunSampler implements RunEngine.SampleSource {

    private final BackendClient client;
    private final GenerationParameters parameters;
    private final String parametersJson;
    private final OutputSchema schema;
    private final PromptMode mode;
    private final TaskSpec task;
    private final JudgeScale scale;
    private final int votes;
    private final long seed;

    /**
     * @param version the prompt version sent: its mode, its output schema, its task (whose labels map a
     *                verbalizer the model answered back to the label's name) and, for a judge, its scale
     */
    public RunSampler(
            BackendClient client,
            GenerationParameters parameters,
            String parametersJson,
            PromptVersion version,
            int votes,
            long seed) {
        this.client = client;
        this.parameters = parameters;
        this.parametersJson = parametersJson;
        this.schema = version.outputSchema();
        this.mode = version.mode();
        this.task = version.task();
        this.scale = version.scale();
        this.votes = votes;
        this.seed = seed;
    }

    @Override
    public Sample generate(long runId, Slot slot) throws InterruptedException {
        long slotSeed = slotSeed(slot);
        List<Generation> answers = new ArrayList<>(votes);
        try {
            for (GenerationRequest request : requests(slot)) {
                answers.add(client.generate(request));
            }
        } catch (CancellationException e) {
            throw new InterruptedException("cancelled");
        } catch (GenerationException e) {
            return Sample.failure(
                    runId, slot, client.config().model(), parametersJson, slotSeed, e.getMessage(), e.endpoint());
        }
        return sampleOf(runId, slot, slotSeed, answers);
    }

    /**
     * What {@link #generate} sends for {@code slot}, one request per vote, in order: its messages, the run's
     * parameters with the vote's own seed, the output schema. A batch file holds exactly these.
     */
    public List<GenerationRequest> requests(Slot slot) {
        List<ChatMessage> messages =
                slot.messages().stream().map(RunSampler::toChat).toList();
        long slotSeed = slotSeed(slot);
        List<GenerationRequest> requests = new ArrayList<>(votes);
        for (int vote = 0; vote < votes; vote++) {
            int requestSeed = (int) (slotSeed * 31 + vote);
            requests.add(new GenerationRequest(messages, parameters.withSeed(requestSeed), schema));
        }
        return requests;
    }

    /** Each slot (and each vote) gets a seed of its own, derived from the run's seed, so reruns repeat. */
    private long slotSeed(Slot slot) {
        return seed * 1_000_003L + slot.ordinal();
    }

    private Sample sampleOf(long runId, Slot slot, long slotSeed, List<Generation> answers) {
        Generation first = answers.get(0);
        JsonNode parsed = first.validation().value();
        String label = labelOf(parsed);
        Double confidence = parsed != null && parsed.path("confidence").isNumber()
                ? parsed.get("confidence").asDouble()
                : null;
        List<String> voted = List.of();
        if (answers.size() > 1) {
            voted = answers.stream()
                    .map(g -> labelOf(g.validation().value()))
                    .map(l -> l == null ? "" : l)
                    .toList();
            Votes tally = new Votes(voted.stream().filter(l -> !l.isEmpty()).toList());
            label = tally.majority().orElse(null);
            confidence = tally.agreement();
        }
        String text = mode == PromptMode.SYNTHESIZE
                ? firstNonNull(text(parsed, "text"), parsed == null ? first.text() : null)
                : null;
        int promptTokens = answers.stream().mapToInt(Generation::promptTokens).sum();
        int completionTokens =
                answers.stream().mapToInt(Generation::completionTokens).sum();
        long latency = answers.stream().mapToLong(g -> g.latency().toMillis()).sum();
        boolean valid = answers.stream().allMatch(Generation::valid);
        String validationError = answers.stream()
                .map(g -> g.validation().error())
                .filter(e -> e != null)
                .findFirst()
                .orElse(null);
        String rationale = text(parsed, "rationale");
        if (mode == PromptMode.JUDGE) {
            // The verdict is kept in the judge's own sample, its score as the confidence and its reason as the
            // rationale, so that it is committed with the reply in one insert: a killed judge run never leaves a
            // judged slot without its verdict. A reply that is not a verdict is stored raw and marked invalid.
            JudgeVerdict verdict = null;
            if (valid) {
                try {
                    verdict = JudgeVerdict.parse(first.text(), scale.lowest(), scale.highest());
                } catch (IllegalArgumentException e) {
                    valid = false;
                    validationError = e.getMessage();
                }
            }
            label = null;
            rationale = verdict == null ? null : verdict.reason();
            confidence = verdict == null ? null : verdict.score();
        }
        return new Sample(
                0,
                runId,
                slot,
                first.model(),
                parametersJson,
                slotSeed,
                first.text(),
                label,
                rationale,
                confidence,
                text,
                parsed == null ? null : parsed.toString(),
                valid,
                validationError,
                voted,
                promptTokens,
                completionTokens,
                latency,
                first.finishReason(),
                null,
                null,
                first.endpoint());
    }

    /** The label's name for what the model answered (its verbalizer or its name). */
    private String labelOf(JsonNode parsed) {
        String answer = text(parsed, "label");
        return answer == null ? null : task.labelOf(answer).map(Label::name).orElse(answer);
    }

    private static String text(JsonNode parsed, String field) {
        if (parsed == null || !parsed.has(field) || parsed.get(field).isNull()) {
            return null;
        }
        JsonNode value = parsed.get(field);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static ChatMessage toChat(Message m) {
        return switch (m.role()) {
            case "system" -> SystemMessage.from(m.content());
            case "assistant" -> AiMessage.from(m.content());
            default -> UserMessage.from(m.content());
        };
    }
}
