-- The rollup triggers of 0010-0014 built their statements as text at every firing and ran them with
-- EXECUTE, so PostgreSQL parsed and planned each one again every time: a fifth of the CPU of
-- Quality's database in a large import (BENCHMARKS.md). Each rollup trigger now runs a function of
-- its own, named as the trigger, with the same statements written out, which PL/pgSQL parses and
-- plans once a connection. The statements are built here, once, by the functions that built them at
-- each firing; each trigger function that did so becomes <name>_statements(operation, table, arguments).

-- The advisory locks of keys_locked_sql (0014) as a statement PL/pgSQL runs without a result.
CREATE FUNCTION keys_locked(operation text, key text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT 'PERFORM' || substr(keys_locked_sql(operation, key), length('SELECT') + 1) $$;

-- The changes given (rollup_changes' rows) joined to something, as the outcomes' rollups read them.
CREATE FUNCTION changes_joined(operation text, query text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format(query, rollup_changes(operation)) $$;

CREATE FUNCTION outcomes_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'case_ref'), format($sql$
        INSERT INTO outcomes_daily
        SELECT local_day(coalesce(contact_received_at, occurred_at)), local_day(occurred_at), outcome, threshold_met, is_repeat_referral, initial_rag, final_rag, sum(delta)
        FROM (%s) f
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (day, known_day, outcome, threshold_met, is_repeat_referral, initial_rag, final_rag) DO UPDATE SET n = outcomes_daily.n + EXCLUDED.n
        $sql$, rollup_changes(operation))] $$;

CREATE FUNCTION decision_timings_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'), decision_timings_daily_sql(rollup_changes(operation))] $$;

CREATE FUNCTION contacts_arrived_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'),
    decision_timings_daily_sql('SELECT t.contact_id, t.rag, t.within_target, t.occurred_at, 1 AS delta FROM decision_timings t JOIN added a USING (contact_id)'),
    ratings_daily_sql('SELECT NULL::text AS contact_id, NULL::timestamptz AS occurred_at, NULL::smallint AS rag WHERE false',
        'SELECT h.contact_id, h.occurred_at, h.rag FROM rating_history h JOIN added a USING (contact_id)'),
    presenting_issues_daily_sql('SELECT i.contact_id, i.issue, 1 AS delta FROM presenting_issues i JOIN added a USING (contact_id)')] $$;

-- The changed contacts' ratings before the statement (now, less what it added, plus what it took
-- away) leave the rollup; their ratings now join it.
CREATE FUNCTION ratings_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'), ratings_daily_sql(
        format('SELECT h.contact_id, h.occurred_at, h.rag FROM rating_history h JOIN (%s) c USING (contact_id)
                WHERE NOT EXISTS (SELECT FROM (%s) a WHERE a.contact_id = h.contact_id AND a.occurred_at = h.occurred_at) UNION ALL %s', changed, added_keys, removed_rows),
        format('SELECT h.contact_id, h.occurred_at, h.rag FROM rating_history h JOIN (%s) c USING (contact_id)', changed))]
    FROM (SELECT added_keys, removed_rows, format('SELECT contact_id FROM (%s) k UNION SELECT contact_id FROM (%s) r', added_keys, removed_rows) AS changed
          FROM (SELECT CASE WHEN operation = 'DELETE' THEN 'SELECT NULL::text AS contact_id, NULL::timestamptz AS occurred_at WHERE false' ELSE 'SELECT contact_id, occurred_at FROM added' END,
                       CASE WHEN operation = 'INSERT' THEN 'SELECT NULL::text AS contact_id, NULL::timestamptz AS occurred_at, NULL::smallint AS rag WHERE false' ELSE 'SELECT contact_id, occurred_at, rag FROM removed' END)
               k (added_keys, removed_rows)) s $$;

CREATE FUNCTION presenting_issues_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'), presenting_issues_daily_sql(rollup_changes(operation))] $$;

CREATE FUNCTION decisions_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'), decisions_daily_sql(rollup_changes(operation))] $$;

CREATE FUNCTION contacts_arrived_decisions_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'),
    decisions_daily_sql('SELECT d.contact_id, d.agency_id, d.threshold_met, d.occurred_at, 1 AS delta FROM decisions d JOIN added a USING (contact_id)')] $$;

CREATE FUNCTION outcome_depth_by_outcome_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'case_ref'),
    outcome_agencies_daily_sql(changes_joined(operation,
        'SELECT a.role, a.agency_id, o.delta, o.contact_received_at, o.occurred_at FROM (%s) o JOIN outcome_agencies a USING (case_ref)')),
    outcome_gaps_daily_sql(changes_joined(operation,
        'SELECT g.gap, o.delta, o.contact_received_at, o.occurred_at FROM (%s) o JOIN outcome_gaps g USING (case_ref)')),
    feedback_recount_sql(cases_changed(operation))] $$;

CREATE FUNCTION outcome_agencies_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'case_ref'),
    outcome_agencies_daily_sql(changes_joined(operation,
        'SELECT a.role, a.agency_id, a.delta, o.contact_received_at, o.occurred_at FROM (%s) a JOIN outcomes o USING (case_ref)')),
    feedback_recount_sql(cases_changed(operation))] $$;

CREATE FUNCTION outcome_gaps_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'case_ref'),
    outcome_gaps_daily_sql(changes_joined(operation,
        'SELECT g.gap, g.delta, o.contact_received_at, o.occurred_at FROM (%s) g JOIN outcomes o USING (case_ref)'))] $$;

CREATE FUNCTION agency_feedback_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'case_ref'), feedback_recount_sql(cases_changed(operation))] $$;

-- arguments: the rollup, its key columns after day, and the expressions filling them from the fact.
CREATE FUNCTION activity_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[format($sql$
        INSERT INTO %1$I (day, %2$s, n)
        SELECT day, %2$s, sum(delta) FROM (SELECT local_day(occurred_at), %3$s, delta FROM (%4$s) f) g (day, %2$s, delta)
        GROUP BY day, %2$s HAVING sum(delta) <> 0 ORDER BY day, %2$s
        ON CONFLICT ON CONSTRAINT %5$I DO UPDATE SET n = %1$I.n + EXCLUDED.n
        $sql$, arguments[1], arguments[2], arguments[3], rollup_changes(operation), arguments[1] || '_pkey')] $$;

-- The rollups counting one fact table by its day and its own columns, as the activities' do.
CREATE FUNCTION contacts_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT activity_daily_statements(operation, relation, ARRAY['contacts_daily', 'agency_id, contact_type, pathway, dash_risk, consent', 'agency_id, contact_type, pathway, dash_risk, consent']) $$;

CREATE FUNCTION information_requests_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT activity_daily_statements(operation, relation, ARRAY['information_requests_daily', 'agency_id', 'agency_id']) $$;

CREATE FUNCTION consultations_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT activity_daily_statements(operation, relation, ARRAY['consultations_daily', 'agency_id, kind', 'agency_id, kind']) $$;

-- A contact's arrival (or change) counts it with its decision if one came first; a decision moves
-- its contact from undecided (the row with none) to decided, or back when removed.
CREATE FUNCTION incidents_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'), incidents_daily_sql(CASE WHEN relation = 'contacts'
        THEN changes_joined(operation, 'SELECT c.occurred_at, c.incident_at, d.first_decided_at, c.delta FROM (%s) c LEFT JOIN decisions d USING (contact_id)')
        ELSE changes_joined(operation, 'SELECT c.occurred_at, c.incident_at, d.first_decided_at, d.delta FROM (SELECT contact_id, first_decided_at, delta FROM (%1$s) f
             UNION ALL SELECT contact_id, NULL, -delta FROM (%1$s) f) d JOIN contacts c USING (contact_id)') END)] $$;

-- A contact arriving, first decided (contact_progress) or rated (rating_history) re-draws its spans.
CREATE FUNCTION backlog_daily_statements(operation text, relation text, arguments text[]) RETURNS text[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[keys_locked(operation, 'contact_id'), backlog_redraw_sql(CASE operation
        WHEN 'INSERT' THEN 'SELECT contact_id FROM added' WHEN 'DELETE' THEN 'SELECT contact_id FROM removed'
        ELSE 'SELECT contact_id FROM added UNION ALL SELECT contact_id FROM removed' END)] $$;

-- Each trigger of a rollup (every trigger here, each running one of the <name>_apply functions above)
-- re-created under the same name, and so firing in the same order, to run a function of its own:
-- the statements of <name>_statements for its event, table and arguments, written out, unless the
-- statement changed no rows. Then the _apply functions, which nothing runs any more, go.
DO $$
DECLARE
    rollup record;
    statements text[];
    written int := 0;
BEGIN
    FOR rollup IN
        SELECT t.tgname AS name, t.tgrelid::regclass::text AS relation, pg_get_triggerdef(t.oid) AS definition, p.proname AS apply,
               CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' WHEN t.tgtype & 8 <> 0 THEN 'DELETE' ELSE 'UPDATE' END AS operation,
               -- tgargs: each argument ended by a zero byte, which encode(…, 'escape') writes as \000.
               CASE WHEN t.tgnargs = 0 THEN '{}' ELSE string_to_array(left(encode(t.tgargs, 'escape'), -4), '\000') END AS arguments
        FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal
    LOOP
        EXECUTE format('SELECT %I($1, $2, $3)', left(rollup.apply, -length('_apply')) || '_statements')
            INTO statements USING rollup.operation, rollup.relation, rollup.arguments;
        -- A statement that changed no rows (an upsert's pass with none, a re-rating of nothing) changes no rollup.
        EXECUTE format('CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS %L', rollup.name,
            format(E'BEGIN\nIF NOT EXISTS (SELECT FROM %s) THEN\nRETURN NULL;\nEND IF;\n%s;\nRETURN NULL;\nEND',
                   CASE rollup.operation WHEN 'DELETE' THEN 'removed' ELSE 'added' END, array_to_string(statements, E';\n')));
        EXECUTE format('DROP TRIGGER %I ON %I', rollup.name, rollup.relation);
        EXECUTE regexp_replace(rollup.definition, 'EXECUTE FUNCTION .*$', format('EXECUTE FUNCTION %I()', rollup.name));
        written := written + 1;
    END LOOP;
    IF written <> 71 THEN
        RAISE EXCEPTION 'expected 71 rollup triggers, found %', written;
    END IF;
    FOR rollup IN SELECT oid::regprocedure AS apply FROM pg_proc WHERE proname LIKE '%\_apply' AND prorettype = 'trigger'::regtype LOOP
        EXECUTE format('DROP FUNCTION %s', rollup.apply);
    END LOOP;
END $$;
