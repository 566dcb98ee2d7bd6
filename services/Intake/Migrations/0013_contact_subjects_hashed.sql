-- contact_subjects is looked up through a hash index on the subject reference rather than its
-- b-tree key (migration 7). A subject's reference is a keyed hash, so every new contact inserted
-- into the b-tree at a random leaf, walking down to it; a hash insert goes straight to its bucket,
-- and bulk imports cost PostgreSQL about 5 us a contact less (BENCHMARKS.md, "Intake submission").
-- A lookup now reads all the subject's rows and keeps those in the window: a subject has a handful
-- of contacts (one nothing identifies has a reference of its own), and one with 2,000 took 0.3 ms.
-- Rows are written once, with their contact, so nothing needs the key's uniqueness.
ALTER TABLE contact_subjects DROP CONSTRAINT contact_subjects_pkey;
CREATE INDEX contact_subjects_ref ON contact_subjects USING hash (subject_ref);
