-- Names the typed table of each imported dataset (DS_<n>). A sequence, not the dataset's id, because the
-- table is filled before its dataset row exists: the row is written last, so a failed import leaves none.
CREATE SEQUENCE dataset_table_seq START WITH 1;
