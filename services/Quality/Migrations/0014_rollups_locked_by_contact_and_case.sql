-- The rollups kept by the contact's day join a fact to its contact (timed decisions, ratings,
-- presenting issues, decisions, incidents, the backlog), and those of outcomes join an outcome to its
-- agencies, gaps and tellings, so the second of two related writes to commit must see the first.
-- 0010-0012 made every such writer take one of two locks in turn, which left a large import's
-- batches waiting on each other (BENCHMARKS.md). Only the writers of one contact (or one case) must
-- take turns: each statement now locks the contacts or cases it changed, in one order, instead.
-- Batches about others then update the same rollup rows side by side; their statements (an upsert's
-- insert and update passes among them) can cross and deadlock, which PostgreSQL detects and the
-- consumer's retry repeats (the batch is idempotent).

-- Locks the keys (a column of the changed rows: contact_id, case_ref) a statement changed, in the
-- order of their hashes, until its commit; each column's locks are a class of their own.
CREATE FUNCTION keys_locked_sql(operation text, key text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format('SELECT pg_advisory_xact_lock(%s, k) FROM (SELECT DISTINCT hashtext(%I) AS k FROM (%s) f ORDER BY 1) s',
                    hashtext('rollups by ' || key), key, rollup_changes(operation)) $$;

-- Each trigger function that took one of the two locks takes its keys' locks instead.
DO $$
DECLARE
    writer oid;
    changed int;
    turns record;
BEGIN
    FOR turns IN SELECT * FROM (VALUES ('rollups by contact day', 'contact_id', 8), ('outcomes_daily', 'case_ref', 5)) t (lock, key, writers) LOOP
        changed := 0;
        FOR writer IN SELECT oid FROM pg_proc WHERE strpos(prosrc, format('PERFORM pg_advisory_xact_lock(hashtext(%L));', turns.lock)) > 0 LOOP
            EXECUTE replace(pg_get_functiondef(writer), format('PERFORM pg_advisory_xact_lock(hashtext(%L));', turns.lock),
                            format('EXECUTE keys_locked_sql(TG_OP, %L);', turns.key));
            changed := changed + 1;
        END LOOP;
        IF changed <> turns.writers THEN
            RAISE EXCEPTION 'expected % writers taking the lock %, found %', turns.writers, turns.lock, changed;
        END IF;
    END LOOP;
END $$;
