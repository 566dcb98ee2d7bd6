-- The backlog (T3), agencies' response times (T2) and incident to completion (T5).

-- When a clock's contact was open: from receipt until its decision (no decision: still open). A
-- decision timed before its receipt gives an empty range rather than an error: never open.
CREATE FUNCTION clock_open(started_at timestamptz, decided_at timestamptz) RETURNS tstzrange
LANGUAGE sql IMMUTABLE AS $$
    SELECT tstzrange(started_at, CASE WHEN decided_at IS NOT NULL THEN greatest(decided_at, started_at) END, '[)')
$$;

-- The open clocks at an instant, found among every clock ever received without reading them all:
-- a series computes thousands of instants over years of history.
CREATE INDEX clocks_open ON clocks USING gist (clock_open(started_at, decided_at)) WHERE started_at IS NOT NULL;

-- The backlog as of one instant, from the clocks' facts: contacts received by then and not decided
-- by then, by the RAG in force then (a contact whose latest rating came later counts as not yet
-- rated: the clock keeps only its latest rating), age band (age_bands: the bands' ascending lower
-- bounds after the first, which starts at zero) and referring agency. One definition for the
-- backlog now, the stored snapshots and the slots of a series that no snapshot covers.
CREATE FUNCTION backlog_at(at timestamptz, age_bands interval[])
RETURNS TABLE (rag text, age_from interval, age_to interval, agency_id text, open bigint)
LANGUAGE sql STABLE AS $$
    SELECT b.rag, CASE WHEN b.band = 0 THEN interval '0' ELSE age_bands[b.band] END, age_bands[b.band + 1], b.agency_id, count(*)
    FROM (
        SELECT CASE WHEN c.rated_at <= at THEN c.rag END AS rag,
               width_bucket(at - c.started_at, age_bands) AS band,
               coalesce(c.agency_id, '') AS agency_id
        FROM clocks c
        WHERE c.started_at IS NOT NULL AND clock_open(c.started_at, c.decided_at) @> at
    ) AS b
    GROUP BY b.rag, b.band, b.agency_id
$$;

-- One row per snapshot slot: the primary key is what makes a slot's snapshot be taken once,
-- however many replicas try (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE backlog_snapshots (
    slot_at  timestamptz PRIMARY KEY,
    taken_at timestamptz NOT NULL
);

-- A snapshot's counts, with the age band's bounds as they were configured when it was taken
-- (a later change of bands leaves old snapshots readable as they were). No row: nothing open.
CREATE TABLE backlog_counts (
    slot_at   timestamptz NOT NULL REFERENCES backlog_snapshots (slot_at),
    rag       text        CHECK (rag IN ('Red', 'Amber', 'Green')),
    age_from  interval    NOT NULL,
    age_to    interval,
    agency_id text        NOT NULL,
    open      bigint      NOT NULL
);
CREATE INDEX backlog_counts_slot_at ON backlog_counts (slot_at);

-- Information requests to partner agencies (T2), from Triage's InformationRequested and
-- InformationProvided, which arrive in any order: each column keeps the first value it is given.
CREATE TABLE information_requests (
    request_id   text        PRIMARY KEY,
    contact_id   text        NOT NULL,
    -- The agency asked.
    agency_id    text        NOT NULL,
    requested_at timestamptz NOT NULL,
    -- NULL until the answer is known.
    provided_at  timestamptz
);
CREATE INDEX information_requests_requested_at ON information_requests (requested_at);

-- The incident a contact reports (ContactReceived.incident_at) for T5; its completion is the
-- clock's decided_at. Only contacts that carry an incident have a row.
CREATE TABLE contact_incidents (
    contact_id  text        PRIMARY KEY,
    incident_at timestamptz NOT NULL,
    agency_id   text        NOT NULL
);
CREATE INDEX contact_incidents_incident_at ON contact_incidents (incident_at);
