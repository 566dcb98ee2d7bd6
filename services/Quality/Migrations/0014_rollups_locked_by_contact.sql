-- The rollups kept by the contact's day join a fact to its contact (timed decisions, ratings,
-- presenting issues, decisions, incidents, the backlog), so the second of a contact and its fact to
-- commit must see the first. 0010-0012 made every such writer take one lock in turn, which left a
-- large import's batches waiting on each other (BENCHMARKS.md). The writers of one contact are all
-- that must take turns: each statement now locks the contacts it changed, in one order, instead.
-- Batches of different contacts then update the same rollup rows side by side; their statements can
-- cross and deadlock, which PostgreSQL detects and the consumer's retry repeats (the batch is
-- idempotent).

-- Locks the contacts (contact_id) a statement changed, in the order of their keys, until its commit.
CREATE FUNCTION contacts_locked_sql(operation text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format('SELECT pg_advisory_xact_lock(%s, k) FROM (SELECT DISTINCT hashtext(contact_id) AS k FROM (%s) f ORDER BY 1) s',
                    hashtext('rollups by contact'), rollup_changes(operation)) $$;

-- Each trigger function that took the lock of the rollups by contact day takes its contacts' locks instead.
DO $$
DECLARE
    turns constant text := 'PERFORM pg_advisory_xact_lock(hashtext(''rollups by contact day''));';
    writer oid;
    changed int := 0;
BEGIN
    FOR writer IN SELECT oid FROM pg_proc WHERE strpos(prosrc, turns) > 0 LOOP
        EXECUTE replace(pg_get_functiondef(writer), turns, 'EXECUTE contacts_locked_sql(TG_OP);');
        changed := changed + 1;
    END LOOP;
    IF changed <> 8 THEN
        RAISE EXCEPTION 'expected the 8 writers of the rollups by contact day, found %', changed;
    END IF;
END $$;
