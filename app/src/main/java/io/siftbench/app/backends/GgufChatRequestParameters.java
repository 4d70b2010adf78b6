package io.siftbench.app.backends;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;

/** langchain4j's common parameters plus the seed, which the common set lacks, for {@link GgufChatModel}. */
public final class GgufChatRequestParameters extends DefaultChatRequestParameters {

    static final GgufChatRequestParameters EMPTY = builder().build();

    private final Integer seed;

    private GgufChatRequestParameters(Builder builder) {
        super(builder);
        this.seed = builder.seed;
    }

    public Integer seed() {
        return seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public GgufChatRequestParameters overrideWith(ChatRequestParameters that) {
        return builder().overrideWith(this).overrideWith(that).build();
    }

    /** Builds the parameters; overriding keeps the seed where the other side has none. */
    public static final class Builder extends DefaultChatRequestParameters.Builder<Builder> {

        private Integer seed;

        public Builder seed(Integer value) {
            this.seed = value;
            return this;
        }

        @Override
        public Builder overrideWith(ChatRequestParameters parameters) {
            super.overrideWith(parameters);
            if (parameters instanceof GgufChatRequestParameters gguf && gguf.seed != null) {
                seed = gguf.seed;
            }
            return this;
        }

        @Override
        public GgufChatRequestParameters build() {
            return new GgufChatRequestParameters(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof GgufChatRequestParameters g && java.util.Objects.equals(seed, g.seed);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + java.util.Objects.hashCode(seed);
    }
}
