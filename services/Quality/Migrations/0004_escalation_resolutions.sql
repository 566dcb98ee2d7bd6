-- R4: escalations resolved, with how, by the agency that raised them.
CREATE TABLE escalation_resolutions (
    escalation_id    text        PRIMARY KEY,
    raised_by_agency text        NOT NULL,
    resolution       text        NOT NULL,
    occurred_at      timestamptz NOT NULL
);
CREATE INDEX escalation_resolutions_occurred_at ON escalation_resolutions (occurred_at);
