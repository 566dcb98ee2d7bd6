-- Contacts as their agencies submitted them. The body is the protobuf Contact; the columns beside
-- it are what Intake looks contacts up by.
CREATE TABLE contacts (
    id           uuid        PRIMARY KEY,
    -- The client's idempotency key: a retried SubmitContact finds its contact here.
    request_id   text        NOT NULL UNIQUE,
    agency_id    text        NOT NULL,
    received_at  timestamptz NOT NULL,
    status       text        NOT NULL,
    -- Pseudonymous subject references (keyed hashes), for recognising repeat contacts.
    subject_refs text[]      NOT NULL,
    body         bytea       NOT NULL
);

-- An agency's own contacts, newest first.
CREATE INDEX contacts_agency_received ON contacts (agency_id, received_at DESC);

-- Earlier contacts about the same subject.
CREATE INDEX contacts_subject_refs ON contacts USING gin (subject_refs);
