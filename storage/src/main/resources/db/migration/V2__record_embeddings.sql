-- Embeddings of dataset records, cached so that similar / diverse demonstrations and the embedding map
-- do not embed the same text twice. Keyed by the embedding model so a new model never reads stale vectors.
CREATE TABLE record_embedding (
    dataset_id BIGINT       NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    record_id  BIGINT       NOT NULL,
    model      VARCHAR(255) NOT NULL,
    vector     VARBINARY    NOT NULL,
    PRIMARY KEY (dataset_id, record_id, model)
);
