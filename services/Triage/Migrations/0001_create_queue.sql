-- The screening queue: one row per contact Intake announced (ContactReceived), with its current RAG.
-- rag is NULL until the first rating; the full story of ratings is in contact_ratings.
CREATE TABLE queue_items (
    contact_id        text        PRIMARY KEY,
    agency_id         text        NOT NULL,
    contact_type      text        NOT NULL,
    presenting_issues text[]      NOT NULL,
    received_at       timestamptz NOT NULL,
    rag               text        CHECK (rag IN ('Red', 'Amber', 'Green'))
);

-- Every rating and re-rating, never updated or deleted: who, when, why, and from which RAG (R2).
CREATE TABLE contact_ratings (
    id              bigserial   PRIMARY KEY,
    contact_id      text        NOT NULL REFERENCES queue_items (contact_id),
    rag             text        NOT NULL CHECK (rag IN ('Red', 'Amber', 'Green')),
    previous_rag    text        CHECK (previous_rag IN ('Red', 'Amber', 'Green')),
    practitioner_id text        NOT NULL,
    reason          text        NOT NULL,
    rated_at        timestamptz NOT NULL
);
CREATE INDEX contact_ratings_by_contact ON contact_ratings (contact_id, rated_at);

-- The threshold decision, once per contact: does it become a referral?
CREATE TABLE threshold_decisions (
    contact_id      text        PRIMARY KEY REFERENCES queue_items (contact_id),
    threshold_met   boolean     NOT NULL,
    practitioner_id text        NOT NULL,
    rationale       text        NOT NULL,
    decided_at      timestamptz NOT NULL
);

-- ListQueue reads undecided contacts oldest first.
CREATE INDEX queue_items_by_received ON queue_items (received_at, contact_id);
