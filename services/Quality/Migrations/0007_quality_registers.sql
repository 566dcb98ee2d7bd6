-- The quality registers (issue 15 point 5: Q1–Q6, Q8, Q9), kept by quality leads and managers. Each
-- entry carries the caller's request_id, so a retried call finds the entry its first call stored.
-- Days are the partnership's calendar days, as the registers' paper forms keep them. Grades, scales,
-- sources and RAG codes are configuration (Quality:Registers), so stored as their codes.

-- Q1 (referral quality, by the referring agency, with consent) and Q2 (decision-making) audits.
-- contact_id only where the auditor needs to go back to the file; reading it is audited.
CREATE TABLE quality_audits (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL UNIQUE,
    kind        text        NOT NULL CHECK (kind IN ('referral-quality', 'decision-making')),
    agency_id   text        NOT NULL,
    audited_on  date        NOT NULL,
    grade       text        NOT NULL,
    consent     text        CHECK (consent IN ('sought', 'not-sought', 'not-needed')),
    findings    text        NOT NULL,
    contact_id  uuid,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX quality_audits_audited_on ON quality_audits (audited_on);

-- Q3: one row per referrer's answer.
CREATE TABLE survey_responses (
    id           uuid        PRIMARY KEY,
    request_id   uuid        NOT NULL UNIQUE,
    survey       text        NOT NULL,
    agency_id    text        NOT NULL,
    responded_on date        NOT NULL,
    satisfaction text        NOT NULL,
    confident    boolean     NOT NULL,
    comment      text        NOT NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX survey_responses_responded_on ON survey_responses (responded_on);

-- Q4: complaints and compliments, by the agency they are about.
CREATE TABLE feedback_items (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL UNIQUE,
    kind        text        NOT NULL CHECK (kind IN ('complaint', 'compliment')),
    agency_id   text        NOT NULL,
    received_on date        NOT NULL,
    summary     text        NOT NULL,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX feedback_items_received_on ON feedback_items (received_on);

-- Q5: the evidence library; narratives are anonymised.
CREATE TABLE case_studies (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL UNIQUE,
    title       text        NOT NULL,
    narrative   text        NOT NULL,
    agency_ids  text[]      NOT NULL,
    written_on  date        NOT NULL,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX case_studies_written_on ON case_studies (written_on);

-- Q6: Calderdale's learning implementation and action pathway: a lesson from a review, and its actions.
CREATE TABLE learning_entries (
    id            uuid        PRIMARY KEY,
    request_id    uuid        NOT NULL UNIQUE,
    source_type   text        NOT NULL,
    source        text        NOT NULL,
    identified_on date        NOT NULL,
    lesson        text        NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX learning_entries_identified_on ON learning_entries (identified_on);

CREATE TABLE learning_actions (
    id             uuid        PRIMARY KEY,
    entry_id       uuid        NOT NULL REFERENCES learning_entries (id),
    position       int         NOT NULL,
    action         text        NOT NULL,
    owner          text        NOT NULL,
    target_on      date        NOT NULL,
    implementation text        NOT NULL,
    evidence       text        NOT NULL DEFAULT '',
    impact         text        NOT NULL DEFAULT '',
    completed_on   date,
    updated_by     text,
    updated_at     timestamptz,
    UNIQUE (entry_id, position)
);
CREATE INDEX learning_actions_target_on ON learning_actions (target_on);

-- Q8: Calderdale's schedule of rolling reports (Appendix 2).
CREATE TABLE scheduled_reports (
    id                 uuid        PRIMARY KEY,
    request_id         uuid        NOT NULL UNIQUE,
    report             text        NOT NULL,
    due_on             date        NOT NULL,
    due_to             text        NOT NULL,
    lead               text        NOT NULL,
    rationale          text        NOT NULL,
    business_plan_link text        NOT NULL,
    request_on         date,
    reminder_on        date,
    progress           text        NOT NULL DEFAULT '',
    comment            text        NOT NULL DEFAULT '',
    delivered_on       date,
    recorded_by        text        NOT NULL,
    recorded_at        timestamptz NOT NULL,
    updated_by         text,
    updated_at         timestamptz
);
CREATE INDEX scheduled_reports_due_on ON scheduled_reports (due_on);

-- Q9: Calderdale's impact log.
CREATE TABLE impact_entries (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL UNIQUE,
    occurred_on date        NOT NULL,
    source      text        NOT NULL,
    impact      text        NOT NULL,
    evidence    text        NOT NULL,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX impact_entries_occurred_on ON impact_entries (occurred_on);
