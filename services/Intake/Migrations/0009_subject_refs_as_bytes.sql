-- contact_subjects keeps each subject reference as its 32 bytes rather than 64 hex characters. Every
-- contact inserts into this key at a random place and looks a subject up in it, so its size is
-- what that costs as contacts accumulate. With entries 30 % smaller (76 bytes, not 108), imports
-- into 600,000 stored contacts went from about 37,000 to 44,000 rows/s in PostgreSQL alone
-- (BENCHMARKS.md). Events and messages still carry the reference as hex; only this table keeps bytes.
ALTER TABLE contact_subjects ALTER COLUMN subject_ref TYPE bytea USING decode(subject_ref, 'hex');
