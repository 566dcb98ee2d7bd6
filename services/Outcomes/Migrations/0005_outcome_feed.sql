-- The board's feed: every OutcomeRecorded, pseudonymous (case_ref only), in the order recorded;
-- sequence is SubscribeOutcomes' resume position. Rows are only added, under a transaction lock
-- (OutcomeFeedLog), so they become visible in sequence order. Outcomes recorded before this
-- migration are not in it.
CREATE TABLE outcome_feed (
    sequence    bigserial   PRIMARY KEY,
    body        bytea       NOT NULL,
    recorded_at timestamptz NOT NULL
);
