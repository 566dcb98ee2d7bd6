-- A request id is the submitting agency's own choice: two agencies may happen to choose the same one,
-- and each must get its own contact (not the other's receipt).
ALTER TABLE contacts DROP CONSTRAINT contacts_request_id_key;
ALTER TABLE contacts ADD CONSTRAINT contacts_agency_request_id_key UNIQUE (agency_id, request_id);
