-- T5's incident (ContactReceived.incident_at) on the clock, written with the receipt by the clocks'
-- own ContactReceived consumer: kept apart in contact_incidents, it took a second queue that cost
-- every contact a second delivery, inbox row and transaction. NULL until the receipt arrives, and
-- for contacts that report no incident.
ALTER TABLE clocks ADD COLUMN incident_at timestamptz;

-- The incidents kept so far. One whose receipt has not reached the clocks yet gets its clock now,
-- as a rating or decision arriving first would make it: the receipt keeps what is there.
INSERT INTO clocks (contact_id, incident_at, agency_id)
SELECT contact_id, incident_at, nullif(agency_id, '') FROM contact_incidents
ON CONFLICT (contact_id) DO UPDATE SET incident_at = EXCLUDED.incident_at, agency_id = coalesce(clocks.agency_id, EXCLUDED.agency_id);

DROP TABLE contact_incidents;

-- T5 counts by when the incident happened, over years of clocks.
CREATE INDEX clocks_incident_at ON clocks (incident_at) WHERE incident_at IS NOT NULL;
