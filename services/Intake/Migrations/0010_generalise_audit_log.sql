-- audit_log takes the platform's shape (ServiceDefaults' AuditLog.Migration, which then finds it
-- made): the actor is whoever the credentials name (an agency or a member of staff), and the record
-- read is any id as text. Rows already written were all agencies' reads of contacts; the action they
-- name keeps its short form ('GetContact'), where new rows name the gRPC method.
ALTER TABLE audit_log RENAME COLUMN organisation_id TO actor_id;
ALTER TABLE audit_log RENAME COLUMN contact_id TO record_id;
ALTER TABLE audit_log ALTER COLUMN record_id TYPE text USING record_id::text;
ALTER TABLE audit_log ALTER COLUMN record_id DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN actor_name text;
ALTER TABLE audit_log ADD COLUMN agency_id text;
ALTER TABLE audit_log ADD COLUMN roles text[];
UPDATE audit_log SET actor_name = actor_id, agency_id = actor_id, roles = ARRAY['Mash.Agency'];
ALTER TABLE audit_log ALTER COLUMN actor_name SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN roles SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN outcome SET NOT NULL;
ALTER INDEX audit_log_contact RENAME TO audit_log_record;
ALTER INDEX audit_log_organisation RENAME TO audit_log_actor;
