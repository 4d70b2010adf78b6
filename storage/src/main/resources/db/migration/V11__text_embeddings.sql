-- Embeddings of sample texts, so that Review (orders, near duplicates, the "too similar to accepted" warning),
-- Insights and the metrics command embed a text once per model. Keyed by the model and the SHA-256 of the
-- text's UTF-8 bytes: the same text in two runs, or an undone edit, finds its vector again.
CREATE TABLE text_embedding (
    model     VARCHAR(255) NOT NULL,
    text_hash BINARY(32)   NOT NULL,
    vector    VARBINARY    NOT NULL,
    PRIMARY KEY (model, text_hash)
);
