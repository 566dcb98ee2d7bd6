-- O6: gaps found through triangulation, recorded with the outcome (configured gap codes).
CREATE TABLE outcome_gaps (
    contact_id text NOT NULL REFERENCES outcomes (contact_id),
    gap        text NOT NULL,
    PRIMARY KEY (contact_id, gap)
);

-- O7: professional consultations given, each its own record (no case).
CREATE TABLE consultations (
    consultation_id uuid        PRIMARY KEY,
    agency_id       text        NOT NULL,
    kind            text        NOT NULL,
    given_by        text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX consultations_by_time ON consultations (occurred_at);
