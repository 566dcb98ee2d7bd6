-- One clock per contact, timing the threshold decision against the target for its RAG rating.
-- Its facts arrive on three queues in any order (ContactReceived, ContactRated, DecisionRecorded),
-- so each column but the id stays NULL until its fact arrives.
CREATE TABLE clocks (
    contact_id    text        PRIMARY KEY,
    -- When the MASH received the contact (ContactReceived.occurred_at): targets run from receipt.
    started_at    timestamptz,
    -- The latest rating, and when it was made: an older rating that arrives later changes nothing.
    rag           text        CHECK (rag IN ('Red', 'Amber', 'Green')),
    rated_at      timestamptz,
    -- started_at plus the target for rag, once both are known; recomputed on a re-rating.
    due_at        timestamptz,
    -- When the decision was made (DecisionRecorded.occurred_at).
    decided_at    timestamptz,
    -- Set when the clock stops (started, rated and decided all known) and DecisionTimed is
    -- published in the same transaction; from then on the clock is final.
    within_target boolean
);
