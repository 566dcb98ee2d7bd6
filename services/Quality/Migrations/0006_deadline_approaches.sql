-- T4: deadlines about to be missed (a clock in the last part of its target), one per contact and due time.
CREATE TABLE deadline_approaches (
    contact_id  text        NOT NULL,
    due_at      timestamptz NOT NULL,
    rag         smallint    NOT NULL,
    agency_id   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (contact_id, due_at)
);
CREATE INDEX deadline_approaches_occurred_at ON deadline_approaches (occurred_at);
