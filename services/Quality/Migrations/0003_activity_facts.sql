-- The facts of the measures beyond the first five (issue 15 point 3), each keyed so that a replayed
-- or late event lands on the same row; occurred_at is when it happened.

-- D4, D5, D6: what kind of contact, and on which pathway. Contacts received before this migration
-- have neither ('' and 0, unspecified).
ALTER TABLE contacts ADD COLUMN contact_type text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN pathway smallint NOT NULL DEFAULT 0;

-- D2, O4: each contact's threshold decision, the latest by occurred_at.
CREATE TABLE decisions (
    contact_id    text        PRIMARY KEY,
    agency_id     text        NOT NULL,
    threshold_met boolean     NOT NULL,
    occurred_at   timestamptz NOT NULL
);

-- R2: every re-rating, one row per rating event (a rating is never changed, only followed).
CREATE TABLE rating_changes (
    event_id    text        PRIMARY KEY,
    contact_id  text        NOT NULL,
    from_rag    smallint    NOT NULL,
    to_rag      smallint    NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX rating_changes_occurred_at ON rating_changes (occurred_at);

-- R4: escalations raised, by the agency raising them.
CREATE TABLE escalations (
    escalation_id    text        PRIMARY KEY,
    contact_id       text        NOT NULL,
    kind             text        NOT NULL,
    raised_by_agency text        NOT NULL,
    occurred_at      timestamptz NOT NULL
);
CREATE INDEX escalations_occurred_at ON escalations (occurred_at);

-- R5: information requests sent to partner agencies.
CREATE TABLE information_requests (
    request_id  text        PRIMARY KEY,
    contact_id  text        NOT NULL,
    agency_id   text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX information_requests_occurred_at ON information_requests (occurred_at);

-- T2: partner agencies' answers, with when they were asked.
CREATE TABLE information_responses (
    request_id    text        PRIMARY KEY,
    agency_id     text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    response_band text        NOT NULL,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX information_responses_occurred_at ON information_responses (occurred_at);

-- T4: deadlines breached, one per contact and due time (a re-rating sets a new one).
CREATE TABLE deadline_breaches (
    contact_id  text        NOT NULL,
    due_at      timestamptz NOT NULL,
    rag         smallint    NOT NULL,
    agency_id   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (contact_id, due_at)
);
CREATE INDEX deadline_breaches_occurred_at ON deadline_breaches (occurred_at);

-- O4: when the referrer was first told the outcome of each contact.
CREATE TABLE feedback (
    contact_id  text        PRIMARY KEY,
    occurred_at timestamptz NOT NULL
);
