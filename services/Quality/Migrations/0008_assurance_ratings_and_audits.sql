-- Calderdale's human step (seed 004 §4.1.2): the lead officer's proposed rating of an indicator's
-- period and the performance sub-group's agreed one. Each proposal or agreement is a revision,
-- never changed; the latest of each stage is in force. Who is the caller, from its credentials.
CREATE TABLE assurance_ratings (
    rating_id    uuid        PRIMARY KEY,
    -- The client's: a retried request finds the revision it recorded.
    request_id   uuid        NOT NULL UNIQUE,
    indicator    text        NOT NULL,
    period_kind  text        NOT NULL,
    period_from  date        NOT NULL,
    period_label text        NOT NULL,
    stage        text        NOT NULL CHECK (stage IN ('proposed', 'agreed')),
    revision     integer     NOT NULL,
    rating       text        NOT NULL CHECK (rating IN ('safe', 'trigger', 'unsafe')),
    narrative    text        NOT NULL,
    minute       text        NOT NULL DEFAULT '',
    actor_id     text        NOT NULL,
    actor_name   text        NOT NULL,
    decided_at   timestamptz NOT NULL,
    UNIQUE (indicator, period_kind, period_from, stage, revision)
);

-- The "watch next quarter" rules' watch list: once per indicator and period, whichever replica or
-- evaluation raised it first.
CREATE TABLE assurance_watches (
    indicator    text        NOT NULL,
    period_kind  text        NOT NULL,
    period_from  date        NOT NULL,
    period_label text        NOT NULL,
    rule         text        NOT NULL,
    description  text        NOT NULL,
    raised_at    timestamptz NOT NULL,
    PRIMARY KEY (indicator, period_kind, period_from)
);

-- Q7: the multi-agency audits (004 §2.6, Appendices 3–4). The stage is the latest step's.
CREATE TABLE audits (
    audit_id       uuid        PRIMARY KEY,
    request_id     uuid        UNIQUE,
    focus          text        NOT NULL,
    rationale      text        NOT NULL,
    lead_auditor   text        NOT NULL,
    stage          text        NOT NULL CHECK (stage IN ('proposed', 'challenged', 'approved', 'rejected', 'reported')),
    -- Set when an assurance rule ("perform audit") raised it.
    raised_by_rule text,
    indicator      text,
    period_kind    text,
    period_from    date,
    period_label   text,
    reason         text,
    proposed_at    timestamptz NOT NULL
);
-- A rule raises one proposal per indicator and period, however often, wherever it is evaluated.
CREATE UNIQUE INDEX audits_raised_once ON audits (indicator, period_kind, period_from) WHERE raised_by_rule IS NOT NULL;
CREATE INDEX audits_proposed_at ON audits (proposed_at);

CREATE TABLE audit_steps (
    audit_id   uuid        NOT NULL REFERENCES audits (audit_id),
    number     integer     NOT NULL,
    request_id uuid        UNIQUE,
    stage      text        NOT NULL CHECK (stage IN ('proposed', 'challenged', 'approved', 'rejected', 'reported')),
    text       text        NOT NULL,
    detail     text        NOT NULL DEFAULT '',
    actor_id   text        NOT NULL,
    actor_name text        NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (audit_id, number)
);

-- The action plan of a reported audit: each action with its named lead, target date and RAG.
CREATE TABLE audit_actions (
    audit_id     uuid        NOT NULL REFERENCES audits (audit_id),
    number       integer     NOT NULL,
    request_id   uuid        NOT NULL UNIQUE,
    action       text        NOT NULL,
    owner        text        NOT NULL,
    target_date  date        NOT NULL,
    rag          text        NOT NULL CHECK (rag IN ('green', 'amber', 'red')),
    evidence     text        NOT NULL DEFAULT '',
    completed_on date,
    updated_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (audit_id, number)
);

-- Every update of an action (its RAG, evidence, completion), who and when; a retried request finds its row.
CREATE TABLE audit_action_updates (
    request_id   uuid        PRIMARY KEY,
    audit_id     uuid        NOT NULL,
    number       integer     NOT NULL,
    rag          text        NOT NULL,
    evidence     text        NOT NULL,
    completed_on date,
    actor_id     text        NOT NULL,
    actor_name   text        NOT NULL,
    at           timestamptz NOT NULL,
    FOREIGN KEY (audit_id, number) REFERENCES audit_actions (audit_id, number)
);
