-- The facts the indicators count, one table per event kind, each row keyed so that a replayed or
-- late event lands on the same row. occurred_at is when it happened: periods filter on it.

-- D1: contacts received, by referring agency.
CREATE TABLE contacts (
    contact_id  text        PRIMARY KEY,
    agency_id   text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX contacts_occurred_at ON contacts (occurred_at);

-- R1: each contact's current RAG, the latest rating by occurred_at.
CREATE TABLE ratings (
    contact_id  text        PRIMARY KEY,
    rag         smallint    NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX ratings_occurred_at ON ratings (occurred_at);

-- O1: each case's outcome, the latest by occurred_at (pseudonymous: Quality never sees contact ids here).
CREATE TABLE outcomes (
    case_ref    text        PRIMARY KEY,
    outcome     text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX outcomes_occurred_at ON outcomes (occurred_at);

-- T1: each contact's timed decision, the latest by occurred_at.
CREATE TABLE decision_timings (
    contact_id    text        PRIMARY KEY,
    rag           smallint    NOT NULL,
    within_target boolean     NOT NULL,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX decision_timings_occurred_at ON decision_timings (occurred_at);
