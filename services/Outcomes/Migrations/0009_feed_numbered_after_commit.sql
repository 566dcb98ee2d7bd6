-- Recordings and corrections add their board feed items here, unnumbered, without waiting on one
-- another; FeedNumbering moves them into outcome_feed a batch at a time, numbered, under the feed's
-- transaction lock, so outcome_feed's rows still become visible in sequence order. Before this,
-- every recording held that lock until it committed, and outcomes were recorded one at a time.
CREATE TABLE outcome_feed_unnumbered (
    id           bigserial   PRIMARY KEY,
    -- The feed item (an OutcomeRecorded, which carries its recorded_at) with its feed_sequence unset.
    item         bytea       NOT NULL,
    -- A correction's OutcomeCorrected, sent with the item's feed_sequence; null for a first outcome,
    -- whose item is itself the event sent.
    correction   bytea,
    trace_parent text
);
