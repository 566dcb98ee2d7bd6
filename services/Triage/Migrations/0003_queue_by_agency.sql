-- A page of one agency's undecided contacts, in due order, without walking every other agency's:
-- an agency that sends few contacts would otherwise cost a walk of the whole queue per page.
CREATE INDEX queue_items_undecided_by_agency_due ON queue_items (agency_id, due_at, contact_id) WHERE decided_at IS NULL;
