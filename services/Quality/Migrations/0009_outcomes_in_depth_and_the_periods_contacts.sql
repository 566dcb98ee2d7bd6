-- Issue 15 points 1 and 3: every measure on one consistent set of contacts per period, and the
-- Outcomes events in depth (corrections, agencies, gaps, feedback to agencies, consultations).

-- R1: every rating, so a period's contacts are read with the RAG they had at the period's end; one
-- per contact and moment (a replay lands on the same row). Ratings before this migration are known
-- only as the re-ratings kept and the latest (ratings).
CREATE TABLE rating_history (
    contact_id  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    rag         smallint    NOT NULL,
    PRIMARY KEY (contact_id, occurred_at)
);
INSERT INTO rating_history (contact_id, occurred_at, rag)
SELECT DISTINCT ON (contact_id, occurred_at) contact_id, occurred_at, to_rag FROM rating_changes ORDER BY contact_id, occurred_at, event_id
ON CONFLICT DO NOTHING;
INSERT INTO rating_history (contact_id, occurred_at, rag) SELECT contact_id, occurred_at, rag FROM ratings
ON CONFLICT DO NOTHING;

-- T3, T5: when each contact was first decided (its multi-agency process completed), whatever
-- re-decisions follow; decisions before this migration know only the latest.
ALTER TABLE decisions ADD COLUMN first_decided_at timestamptz;
UPDATE decisions SET first_decided_at = occurred_at;
ALTER TABLE decisions ALTER COLUMN first_decided_at SET NOT NULL;

-- T5: when the incident happened, as the referrer reported it (null: not given, or received before).
ALTER TABLE contacts ADD COLUMN incident_at timestamptz;

-- O1–O3, R3: an outcome counts with its contact's period (contact_received_at; outcomes before
-- this migration fall back to their own time); a correction replaces the outcome, its threshold and
-- agency (revision, corrected_at); R3 reads the initial and final RAG.
ALTER TABLE outcomes ADD COLUMN contact_received_at timestamptz;
ALTER TABLE outcomes ADD COLUMN agency_id text NOT NULL DEFAULT '';
ALTER TABLE outcomes ADD COLUMN initial_rag smallint NOT NULL DEFAULT 0;
ALTER TABLE outcomes ADD COLUMN final_rag smallint NOT NULL DEFAULT 0;
ALTER TABLE outcomes ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE outcomes ADD COLUMN corrected_at timestamptz;
CREATE INDEX outcomes_contact_period ON outcomes ((coalesce(contact_received_at, occurred_at)));

-- O2: the agencies that contributed information to a case, and those its outcome went on to.
CREATE TABLE outcome_agencies (
    case_ref  text NOT NULL,
    role      text NOT NULL CHECK (role IN ('contributed', 'onward')),
    agency_id text NOT NULL,
    PRIMARY KEY (case_ref, role, agency_id)
);

-- O6: the gaps found with a case's outcome.
CREATE TABLE outcome_gaps (
    case_ref text NOT NULL,
    gap      text NOT NULL,
    PRIMARY KEY (case_ref, gap)
);

-- O4: each agency told a case's outcome (the referrer, or an agency that contributed), first telling.
CREATE TABLE agency_feedback (
    case_ref    text        NOT NULL,
    agency_id   text        NOT NULL,
    to_referrer boolean     NOT NULL,
    outcome_at  timestamptz NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (case_ref, agency_id)
);
CREATE INDEX agency_feedback_occurred_at ON agency_feedback (occurred_at);

-- O7: professional consultations given.
CREATE TABLE consultations (
    consultation_id text        PRIMARY KEY,
    agency_id       text        NOT NULL,
    kind            text        NOT NULL,
    occurred_at     timestamptz NOT NULL
);
CREATE INDEX consultations_occurred_at ON consultations (occurred_at);

-- D7, D8: a domestic abuse notification's DASH risk, and whether consent was sought, given, refused
-- or overridden (enum names; '' when none, and for contacts received before this migration).
ALTER TABLE contacts ADD COLUMN dash_risk text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN consent text NOT NULL DEFAULT '';

-- T3, D7: when each contact was received and first decided, one row written by both consumers as
-- upserts (so neither is lost whichever commits first), indexed so the contacts open at a moment
-- are found without reading every contact: those never decided, and those decided after it.
CREATE TABLE contact_progress (
    contact_id       text        PRIMARY KEY,
    received_at      timestamptz,
    first_decided_at timestamptz
);
INSERT INTO contact_progress (contact_id, received_at, first_decided_at)
SELECT coalesce(c.contact_id, d.contact_id), c.occurred_at, d.first_decided_at
FROM contacts c FULL JOIN decisions d USING (contact_id);
CREATE INDEX contact_progress_undecided ON contact_progress (received_at) WHERE first_decided_at IS NULL;
CREATE INDEX contact_progress_first_decided ON contact_progress (first_decided_at);
