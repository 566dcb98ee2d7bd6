-- The rollups' triggers call local_day for every row they fold: half a million calls for a
-- 12,000-contact import. As 0010 wrote it, it reads rollup_zone in a sub-select, which keeps
-- PostgreSQL from inlining it, so each call ran as a function call of its own. rollup_zone is set
-- once, when the rollups were built; its zone is now written into the body as a constant, so the
-- planner folds local_day into each statement that calls it.
DO $$
BEGIN
    EXECUTE format('CREATE OR REPLACE FUNCTION local_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE
        AS $body$ SELECT (at AT TIME ZONE %L)::date $body$', (SELECT time_zone FROM rollup_zone));
END $$;
