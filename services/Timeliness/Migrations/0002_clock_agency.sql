-- The referring agency (ContactReceived.agency_id), so decision timeliness (T1) counts by agency;
-- NULL until the receipt arrives, and for clocks stopped before this column existed.
ALTER TABLE clocks ADD COLUMN agency_id text;
-- T1 counts decided clocks by when the decision was made.
CREATE INDEX clocks_decided_at ON clocks (decided_at) WHERE within_target IS NOT NULL;
