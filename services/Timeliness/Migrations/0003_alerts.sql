-- Breach alerts (T4). One row per open clock with a deadline (started, rated with a RAG that has a
-- target, not yet decided): written by the consumers in the transaction that changes the clock,
-- deleted when the decision stops it. Kept apart from clocks so the scheduler's claims
-- (FOR UPDATE SKIP LOCKED) never wait on, or hold up, the facts being recorded.
CREATE TABLE alert_deadlines (
    contact_id     text        PRIMARY KEY,
    rag            text        NOT NULL CHECK (rag IN ('Red', 'Amber', 'Green')),
    agency_id      text,
    started_at     timestamptz NOT NULL,
    -- When the clock enters the last part of its target (Timeliness:Alerts:ApproachingAt), and when it is due.
    approaching_at timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    -- The moments already alerted: an alert is raised once per moment, so a re-rating that moves the
    -- deadline raises the new one's, and a re-rating back never repeats the old one's.
    approaching_alerted_for timestamptz,
    breach_alerted_for      timestamptz,
    -- The next alert's moment, NULL once the breach is raised (an approach after it says nothing new).
    next_alert_at  timestamptz GENERATED ALWAYS AS (
        CASE
            WHEN breach_alerted_for IS NOT DISTINCT FROM due_at THEN NULL
            WHEN approaching_alerted_for IS DISTINCT FROM approaching_at AND approaching_at < due_at THEN approaching_at
            ELSE due_at
        END) STORED
);
-- The scheduler's two questions: what is due by now, and when is the next one.
CREATE INDEX alert_deadlines_next ON alert_deadlines (next_alert_at) WHERE next_alert_at IS NOT NULL;

-- Every alert raised, in order: sequence is WatchAlerts' resume position. Rows are only added, and
-- each is inserted under a transaction-scoped advisory lock held to commit, so alerts become
-- visible in sequence order and a reader that has seen sequence n never later meets a smaller one.
CREATE TABLE alerts (
    sequence    bigserial   PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('approaching', 'breached')),
    contact_id  text        NOT NULL,
    rag         text        NOT NULL CHECK (rag IN ('Red', 'Amber', 'Green')),
    agency_id   text,
    team        text        NOT NULL,
    started_at  timestamptz NOT NULL,
    due_at      timestamptz NOT NULL,
    -- The alert's moment, and when it was raised: raised_at - occurred_at is how late it was.
    occurred_at timestamptz NOT NULL,
    raised_at   timestamptz NOT NULL
);
