-- A retried RecordConsultation with the same request id finds the consultation it recorded.
ALTER TABLE consultations ADD COLUMN request_id uuid UNIQUE;
