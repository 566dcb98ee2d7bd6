-- Each contact's subjects by pseudonymous reference, one row per subject, for repeat detection:
-- "this subject's latest contacts within the window" is one b-tree range scan. It replaces the
-- array column and its GIN index, whose pending list (new entries kept unsorted until vacuum)
-- made every lookup scan all recent inserts: about a millisecond each under bulk imports.
CREATE TABLE contact_subjects (
    subject_ref text        NOT NULL,
    received_at timestamptz NOT NULL,
    -- The contact's id; written in the contact's own transaction, and contacts are never deleted.
    contact_id  uuid        NOT NULL,
    PRIMARY KEY (subject_ref, received_at, contact_id)
);

INSERT INTO contact_subjects (subject_ref, received_at, contact_id)
SELECT DISTINCT s.subject_ref, c.received_at, c.id
FROM contacts c CROSS JOIN LATERAL unnest(c.subject_refs) AS s(subject_ref);

DROP INDEX contacts_subject_refs;
ALTER TABLE contacts DROP COLUMN subject_refs;
