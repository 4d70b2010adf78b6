-- A preference is recorded in Compare or made by a pipeline step that prefers its samples over an earlier step's
-- (a refined text over its draft). The export writes a pipeline pair with the earlier step's prompt, which both
-- texts answer, where a Compare pair has the prompt its two samples share.
ALTER TABLE preference ADD COLUMN origin VARCHAR(16) DEFAULT 'compare' NOT NULL;
