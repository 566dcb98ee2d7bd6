-- O2: the agencies that contributed information to each contact (Triage's InformationProvided; the
-- first answer's time kept), filled in any order with the journey, so no reference to journeys.
CREATE TABLE contributions (
    contact_id     text        NOT NULL,
    agency_id      text        NOT NULL,
    contributed_at timestamptz NOT NULL,
    PRIMARY KEY (contact_id, agency_id)
);

-- O2: the agencies a contact's outcome was referred on to.
CREATE TABLE onward_referrals (
    contact_id text NOT NULL REFERENCES outcomes (contact_id),
    agency_id  text NOT NULL,
    PRIMARY KEY (contact_id, agency_id)
);

-- O4: each agency told a contact's outcome, the first time (who told it, when).
CREATE TABLE feedback (
    contact_id  text        NOT NULL REFERENCES outcomes (contact_id),
    agency_id   text        NOT NULL,
    to_referrer boolean     NOT NULL,
    given_by    text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (contact_id, agency_id)
);

-- O4 by period: outcomes by when they were first recorded.
CREATE INDEX outcome_revisions_first_by_time ON outcome_revisions (occurred_at) WHERE revision = 1;
