-- Every read of personal data, allowed or refused: who (the calling agency), what (the action and
-- the contact), when (Intake's clock), and whether it was allowed. Written in the read's own
-- transaction, so no contact leaves Intake without its row here. Rows are only ever added.
CREATE TABLE audit_log (
    id              uuid        PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    organisation_id text        NOT NULL,
    action          text        NOT NULL,
    contact_id      uuid        NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('allowed', 'denied'))
);

-- Who has read this contact; what has this agency read.
CREATE INDEX audit_log_contact ON audit_log (contact_id, occurred_at);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, occurred_at);
