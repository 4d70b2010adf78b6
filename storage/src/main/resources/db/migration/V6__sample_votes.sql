-- Self-consistency: the labels of each vote of a sample (JSON array), beside the majority label.
ALTER TABLE sample ADD COLUMN votes CLOB;
-- Runs keep how many votes they ask per input.
ALTER TABLE run ADD COLUMN votes INT NOT NULL DEFAULT 1;
