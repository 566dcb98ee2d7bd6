-- A request id is unique per agency, enforced through a hash index rather than a b-tree. Request ids
-- are the clients' choice, often random UUIDs, so each new key lands at a random place: a b-tree
-- insert walks down to a random leaf comparing keys on every level, a hash insert goes straight to
-- its bucket. A bulk import with random request ids costs PostgreSQL about 35 us a contact rather
-- than 45 (BENCHMARKS.md, "Intake submission"). A hash index holds one column, so the key is one
-- text, the agency's length first so that ("ab", "c") and ("a", "bc") stay apart. ContactStore
-- looks stored receipts up by the same function; PostgreSQL inlines it, so the index serves that.
CREATE FUNCTION contact_request_key(agency_id text, request_id text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN length(agency_id)::text || ':' || agency_id || request_id;

ALTER TABLE contacts DROP CONSTRAINT contacts_agency_request_id_key;
ALTER TABLE contacts ADD CONSTRAINT contacts_request_key
    EXCLUDE USING hash (contact_request_key(agency_id, request_id) WITH =);
