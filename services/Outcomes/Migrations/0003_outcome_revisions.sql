-- O1: a recorded outcome can be corrected, keeping who, when and why. Every outcome a contact has
-- had is a revision (the first recorded is 1); outcomes keeps the one in force and its number.
CREATE TABLE outcome_revisions (
    contact_id       text        NOT NULL REFERENCES outcomes (contact_id),
    revision         integer     NOT NULL,
    outcome          text        NOT NULL,
    -- Empty for the first outcome.
    previous_outcome text        NOT NULL DEFAULT '',
    practitioner_id  text        NOT NULL,
    -- Empty for the first outcome; why it was corrected otherwise (never leaves Outcomes).
    reason           text        NOT NULL DEFAULT '',
    occurred_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    PRIMARY KEY (contact_id, revision)
);

-- Outcomes recorded before corrections existed are their contact's first revision.
INSERT INTO outcome_revisions (contact_id, revision, outcome, practitioner_id, occurred_at, recorded_at)
SELECT contact_id, 1, outcome, practitioner_id, occurred_at, recorded_at FROM outcomes;

ALTER TABLE outcomes ADD COLUMN revision integer NOT NULL DEFAULT 1;
