package io.siftbench.app.backends;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A GGUF file run in-process by llama.cpp ({@code de.kherud:llama}), as a langchain4j {@link ChatModel} and
 * {@link StreamingChatModel}. The model is loaded on first use and freed by {@link #close()}. An output
 * schema becomes a llama.cpp grammar, so sampling cannot leave it.
 */
public final class GgufChatModel implements ChatModel, StreamingChatModel, AutoCloseable {

    private final Path file;
    private final int threads;
    private final int contextSize;
    // Streaming runs on its own daemon thread, as the HTTP providers do, so the caller can time it out.
    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "siftbench-gguf-stream");
        t.setDaemon(true);
        return t;
    });
    // Generations hold the read lock and closing takes the write lock: llama.cpp must never be freed while
    // a generation is inside it.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private LlamaModel model;
    private boolean closed;

    public GgufChatModel(Path file, int threads, int contextSize) {
        this.file = file;
        this.threads = threads;
        this.contextSize = contextSize;
    }

    /** The loaded model, loading it first where it is not yet. */
    synchronized LlamaModel model() {
        if (closed) {
            throw new IllegalStateException("The GGUF model " + file.getFileName() + " was unloaded");
        }
        if (model == null) {
            String problem = GgufFile.problem(file);
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            model = load();
        }
        return model;
    }

    private LlamaModel load() {
        ModelParameters parameters = new ModelParameters()
                .setModel(file.toString())
                .setThreads(threads)
                .setCtxSize(contextSize)
                .disableLog();
        // The library's loader announces the native library it extracts on System.out, which would corrupt
        // the command line's JSON on stdout; the announcement goes to stderr instead.
        PrintStream out = System.out;
        synchronized (GgufChatModel.class) {
            System.setOut(System.err);
            try {
                return new LlamaModel(parameters);
            } finally {
                System.setOut(out);
            }
        }
    }

    public synchronized boolean isLoaded() {
        return model != null;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return generate(request, text -> {}, () -> Thread.currentThread().isInterrupted());
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        AtomicBoolean cancelled = new AtomicBoolean();
        StreamingHandle handle = new StreamingHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        PartialResponseContext context = new PartialResponseContext(handle);
        streams.execute(() -> {
            try {
                ChatResponse response = generate(
                        request,
                        text -> handler.onPartialResponse(new PartialResponse(text), context),
                        () -> cancelled.get() || Thread.currentThread().isInterrupted());
                if (!cancelled.get()) {
                    handler.onCompleteResponse(response);
                }
            } catch (RuntimeException e) {
                handler.onError(e);
            }
        });
    }

    private ChatResponse generate(ChatRequest request, Consumer<String> tokens, BooleanSupplier stop) {
        lock.readLock().lock();
        try {
            return generate(model(), request, tokens, stop);
        } finally {
            lock.readLock().unlock();
        }
    }

    private ChatResponse generate(
            LlamaModel llama, ChatRequest request, Consumer<String> tokens, BooleanSupplier stop) {
        ChatRequestParameters p = request.parameters();
        String prompt = llama.applyTemplate(conversation(request.messages()));
        InferenceParameters inference = new InferenceParameters(prompt);
        int maxTokens = p.maxOutputTokens() == null ? 512 : p.maxOutputTokens();
        inference.setNPredict(maxTokens);
        if (p.temperature() != null) {
            inference.setTemperature(p.temperature().floatValue());
        }
        if (p.topP() != null) {
            inference.setTopP(p.topP().floatValue());
        }
        if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
            inference.setStopStrings(p.stopSequences().toArray(String[]::new));
        }
        if (p instanceof GgufChatRequestParameters gguf && gguf.seed() != null) {
            inference.setSeed(gguf.seed());
        }
        if (p.responseFormat() != null
                && p.responseFormat().jsonSchema() != null
                && p.responseFormat().jsonSchema().rootElement() instanceof JsonRawSchema raw) {
            inference.setGrammar(LlamaModel.jsonSchemaToGrammar(raw.schema()));
        }
        StringBuilder text = new StringBuilder();
        int generated = 0;
        LlamaIterator it = llama.generate(inference).iterator();
        while (it.hasNext()) {
            if (stop.getAsBoolean()) {
                it.cancel();
                break;
            }
            LlamaOutput out = it.next();
            // The stream ends with an empty output that only says "stop": it is not a token.
            if (!out.text.isEmpty()) {
                generated++;
                text.append(out.text);
                tokens.accept(out.text);
            }
        }
        FinishReason finish = generated >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP;
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text.toString()))
                .modelName(file.getFileName().toString())
                .tokenUsage(new TokenUsage(llama.encode(prompt).length, generated))
                .finishReason(finish)
                .build();
    }

    /** The messages for llama.cpp's chat template (ChatML where the file has none). */
    private static InferenceParameters conversation(List<ChatMessage> messages) {
        String system = "";
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage s) {
                system = system.isEmpty() ? s.text() : system + "\n" + s.text();
            } else if (message instanceof UserMessage u) {
                turns.add(new Pair<>("user", u.singleText()));
            } else if (message instanceof AiMessage a) {
                turns.add(new Pair<>("assistant", a.text()));
            }
        }
        return new InferenceParameters("").setMessages(system.isEmpty() ? null : system, turns);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return GgufChatRequestParameters.EMPTY;
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    /**
     * Frees the model for good. llama.cpp leaves a non-daemon native thread behind (java-llama.cpp issue
     * #116), so the application and the command line exit explicitly.
     */
    @Override
    public void close() {
        streams.shutdownNow();
        free(true);
    }

    /**
     * Frees the model's memory, waiting for a generation inside it to end; the next request loads it again.
     * This is how another backend takes over the memory without breaking a run that still holds this one.
     */
    public void unload() {
        free(false);
    }

    private void free(boolean forGood) {
        lock.writeLock().lock();
        try {
            synchronized (this) {
                closed |= forGood;
                if (model != null) {
                    model.close();
                    model = null;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
