-- The server that answered each sample (or, for a failed request, was tried last): a backend may list several
-- endpoints, replicas of one model, and a sample's provenance names the one it came from. Null for samples stored
-- before endpoints were recorded. Indexed with the run, as the per-endpoint figures of a run group by it.
ALTER TABLE sample ADD COLUMN endpoint VARCHAR(1000);
CREATE INDEX sample_run_endpoint ON sample (run_id, endpoint);
