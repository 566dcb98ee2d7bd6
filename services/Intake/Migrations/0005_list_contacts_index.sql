-- ListContacts pages through an agency's contacts by (received_at, id) descending; this index
-- serves each page as one range scan. It replaces the index on (agency_id, received_at DESC).
CREATE INDEX contacts_agency_received_id ON contacts (agency_id, received_at DESC, id DESC);
DROP INDEX contacts_agency_received;
