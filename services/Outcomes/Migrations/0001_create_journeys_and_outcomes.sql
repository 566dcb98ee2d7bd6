-- The reporting projection of each contact's journey, filled from events that may arrive in any
-- order: each column group is written by one event type, so none waits for another.
CREATE TABLE journeys (
    contact_id       text        PRIMARY KEY,
    -- ContactReceived
    received         boolean     NOT NULL DEFAULT false,
    agency_id        text,
    referral_source  text,
    is_repeat        boolean     NOT NULL DEFAULT false,
    -- ContactRated: the first rating by occurred_at is the initial RAG, the latest the final one
    initial_rag      smallint    NOT NULL DEFAULT 0,
    initial_rated_at timestamptz,
    final_rag        smallint    NOT NULL DEFAULT 0,
    final_rated_at   timestamptz,
    -- DecisionRecorded: the latest decision by occurred_at
    decided          boolean     NOT NULL DEFAULT false,
    threshold_met    boolean     NOT NULL DEFAULT false,
    decided_at       timestamptz
);

-- One outcome per contact for now (re-recording comes later). The case_ref is kept, not
-- recomputed, so a later change of pseudonym key never changes what a board has already seen.
CREATE TABLE outcomes (
    contact_id      text        PRIMARY KEY REFERENCES journeys (contact_id),
    case_ref        text        NOT NULL UNIQUE,
    outcome         text        NOT NULL,
    practitioner_id text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL
);
