-- LLM-as-judge: a sample of a judge run names the sample it judges. The verdict is that judge sample itself
-- (its score in confidence, its reason in rationale, the reply raw beside them), not a row of its own: it is
-- committed in the same single insert as the reply, so a killed judge run can never leave a judged slot
-- without its verdict, nor a verdict without the reply it came from; and a reply that is no verdict is kept
-- raw and marked invalid like any other sample.
ALTER TABLE sample ADD COLUMN judged_sample_id BIGINT REFERENCES sample (id) ON DELETE CASCADE;
CREATE INDEX sample_judged ON sample (judged_sample_id);
