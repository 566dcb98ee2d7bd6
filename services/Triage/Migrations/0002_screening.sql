-- The screening queue in depth (issue 13): pathway, due time, claims, when each row was recorded, information
-- requests to partner agencies, escalations.

-- The queue orders and filters undecided contacts by due time; decided_at mirrors the decision so
-- that one partial index serves every page of the undecided queue.
ALTER TABLE queue_items
    ADD COLUMN pathway    text        NOT NULL DEFAULT 'Unspecified',
    ADD COLUMN due_at     timestamptz,
    ADD COLUMN claimed_by text,
    ADD COLUMN claimed_at timestamptz,
    ADD COLUMN decided_at timestamptz,
    ADD COLUMN rated_at   timestamptz;
UPDATE queue_items q SET decided_at = d.decided_at FROM threshold_decisions d WHERE d.contact_id = q.contact_id;
UPDATE queue_items q SET rated_at = r.rated_at
    FROM (SELECT contact_id, max(rated_at) AS rated_at FROM contact_ratings GROUP BY contact_id) r WHERE r.contact_id = q.contact_id;
UPDATE queue_items SET due_at = received_at + CASE rag WHEN 'Red' THEN interval '4 hours' WHEN 'Amber' THEN interval '24 hours'
    WHEN 'Green' THEN interval '7 days' ELSE interval '4 hours' END;
ALTER TABLE queue_items ALTER COLUMN due_at SET NOT NULL;
CREATE INDEX queue_items_undecided_by_due ON queue_items (due_at, contact_id) WHERE decided_at IS NULL;
DROP INDEX queue_items_by_received;

-- Time is data: *_at is when it happened (an importer may give a past time), recorded_at when Triage stored it.
ALTER TABLE contact_ratings ADD COLUMN recorded_at timestamptz;
UPDATE contact_ratings SET recorded_at = rated_at;
ALTER TABLE contact_ratings ALTER COLUMN recorded_at SET NOT NULL, ALTER COLUMN recorded_at SET DEFAULT now();
CREATE INDEX contact_ratings_by_time ON contact_ratings (rated_at) WHERE previous_rag IS NOT NULL;

ALTER TABLE threshold_decisions ADD COLUMN recorded_at timestamptz, ADD COLUMN rag text;
UPDATE threshold_decisions d SET recorded_at = d.decided_at, rag = q.rag FROM queue_items q WHERE q.contact_id = d.contact_id;
ALTER TABLE threshold_decisions ALTER COLUMN recorded_at SET NOT NULL, ALTER COLUMN recorded_at SET DEFAULT now();
CREATE INDEX threshold_decisions_by_time ON threshold_decisions (decided_at);

-- R5/T2: information asked of partner agencies during screening, and their answers.
CREATE TABLE information_requests (
    request_id   uuid        PRIMARY KEY,
    contact_id   text        NOT NULL REFERENCES queue_items (contact_id),
    agency_id    text        NOT NULL,
    question     text        NOT NULL,
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL,
    due_at       timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    answer       text,
    answered_by  text,
    answered_at  timestamptz,
    response_band text,
    answer_recorded_at timestamptz
);
CREATE INDEX information_requests_by_contact ON information_requests (contact_id, requested_at);
CREATE INDEX information_requests_by_agency ON information_requests (agency_id, requested_at);
CREATE INDEX information_requests_by_answer ON information_requests (answered_at) WHERE answered_at IS NOT NULL;

-- R4: disagreements between agencies and referrers' challenges, and how each was resolved.
CREATE TABLE escalations (
    escalation_id    uuid        PRIMARY KEY,
    contact_id       text        NOT NULL REFERENCES queue_items (contact_id),
    kind             text        NOT NULL,
    raised_by_agency text        NOT NULL,
    raised_by        text        NOT NULL,
    about            text        NOT NULL,
    detail           text        NOT NULL,
    raised_at        timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    resolution       text,
    resolved_by      text,
    note             text,
    resolved_at      timestamptz,
    resolution_recorded_at timestamptz
);
CREATE INDEX escalations_by_contact ON escalations (contact_id, raised_at);
CREATE INDEX escalations_by_time ON escalations (raised_at);
