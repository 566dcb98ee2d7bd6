-- Issue 15 point 7: a year's scorecard read from per-day rollups, not from every fact of the year.
-- Each rollup counts a fact table's rows by the partnership's local day and the keys its measures
-- split by. Statement triggers keep them in the same transaction as every write to the facts, so a
-- period's measures still come from one snapshot; each statement's changes are folded to one delta
-- a rollup row and applied in key order, so two batches touching the same day's rows wait for each
-- other rather than deadlock.

-- The local day the rollups are keyed by: the catalogue's time zone when they were built. The
-- reader sums them only while the catalogue's zone is this one (a changed zone reads the facts).
CREATE TABLE rollup_zone (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    time_zone text    NOT NULL
);
INSERT INTO rollup_zone (time_zone) VALUES ('Europe/London');

CREATE FUNCTION local_day(at timestamptz) RETURNS date LANGUAGE sql STABLE
AS $$ SELECT (at AT TIME ZONE (SELECT time_zone FROM rollup_zone))::date $$;

-- D1, D4, D5, D6, D7 (by risk), D8: the contacts received each day, by every key they split by.
-- A contact is written once (a repeat keeps the first), so only inserts and deletes change it.
CREATE TABLE contacts_daily (
    day          date     NOT NULL,
    agency_id    text     NOT NULL,
    contact_type text     NOT NULL,
    pathway      smallint NOT NULL,
    dash_risk    text     NOT NULL,
    consent      text     NOT NULL,
    n            bigint   NOT NULL,
    PRIMARY KEY (day, agency_id, contact_type, pathway, dash_risk, consent)
);

INSERT INTO contacts_daily
SELECT local_day(occurred_at), agency_id, contact_type, pathway, dash_risk, consent, count(*) FROM contacts GROUP BY 1, 2, 3, 4, 5, 6;

-- A statement's changed rows, each +1 (added) or -1 (removed): a trigger with transition tables
-- takes one event, so each event has its trigger and names only the tables it has.
CREATE FUNCTION rollup_changes(operation text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE operation WHEN 'INSERT' THEN 'SELECT f.*, 1 AS delta FROM added f'
                            WHEN 'DELETE' THEN 'SELECT f.*, -1 AS delta FROM removed f'
                            ELSE 'SELECT f.*, 1 AS delta FROM added f UNION ALL SELECT f.*, -1 FROM removed f' END $$;

CREATE FUNCTION contacts_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO contacts_daily
        SELECT local_day(occurred_at), agency_id, contact_type, pathway, dash_risk, consent, sum(delta) FROM (%s) f
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (day, agency_id, contact_type, pathway, dash_risk, consent) DO UPDATE SET n = contacts_daily.n + EXCLUDED.n
        $sql$, rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER contacts_daily_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contacts_daily_apply();
CREATE TRIGGER contacts_daily_updates AFTER UPDATE ON contacts REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contacts_daily_apply();
CREATE TRIGGER contacts_daily_deletes AFTER DELETE ON contacts REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION contacts_daily_apply();

-- O1, O3, R3: outcomes in force, by their contact's day (an outcome whose receipt Outcomes never
-- said, by its own), the day it was recorded (known by a period's end) and every key they split by.
-- A later recording or a correction replaces the row: it leaves its old key and joins its new one.
CREATE TABLE outcomes_daily (
    day                date     NOT NULL,
    known_day          date     NOT NULL,
    outcome            text     NOT NULL,
    threshold_met      boolean  NOT NULL,
    is_repeat_referral boolean  NOT NULL,
    initial_rag        smallint NOT NULL,
    final_rag          smallint NOT NULL,
    n                  bigint   NOT NULL,
    PRIMARY KEY (day, known_day, outcome, threshold_met, is_repeat_referral, initial_rag, final_rag)
);

INSERT INTO outcomes_daily
SELECT local_day(coalesce(contact_received_at, occurred_at)), local_day(occurred_at), outcome, threshold_met, is_repeat_referral, initial_rag, final_rag, count(*)
FROM outcomes GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- An upsert of outcomes fires its insert and its update triggers one after the other, each locking
-- rollup rows in key order; two batches could then hold rows the other's second pass wants, so the
-- outcomes' writers take turns at the rollup (outcomes are one a case, far fewer than contacts).
CREATE FUNCTION outcomes_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('outcomes_daily'));
    EXECUTE format($sql$
        INSERT INTO outcomes_daily
        SELECT local_day(coalesce(contact_received_at, occurred_at)), local_day(occurred_at), outcome, threshold_met, is_repeat_referral, initial_rag, final_rag, sum(delta)
        FROM (%s) f
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (day, known_day, outcome, threshold_met, is_repeat_referral, initial_rag, final_rag) DO UPDATE SET n = outcomes_daily.n + EXCLUDED.n
        $sql$, rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER outcomes_daily_inserts AFTER INSERT ON outcomes REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcomes_daily_apply();
CREATE TRIGGER outcomes_daily_updates AFTER UPDATE ON outcomes REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcomes_daily_apply();
CREATE TRIGGER outcomes_daily_deletes AFTER DELETE ON outcomes REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION outcomes_daily_apply();

-- T1: timed decisions in force, by their contact's day (the period's contacts), the day they were
-- timed (known by a period's end), RAG and whether within target. A decision timed before its
-- contact arrived counts once the contact does: the contact's write adds it. Both writes take the
-- lock of the rollups by contact day first and hold it to their commit, so whichever comes second sees the other's row
-- (and an upsert's insert and update passes never cross another batch's).
CREATE TABLE decision_timings_daily (
    contact_day   date     NOT NULL,
    known_day     date     NOT NULL,
    rag           smallint NOT NULL,
    within_target boolean  NOT NULL,
    n             bigint   NOT NULL,
    PRIMARY KEY (contact_day, known_day, rag, within_target)
);

INSERT INTO decision_timings_daily
SELECT local_day(c.occurred_at), local_day(t.occurred_at), t.rag, t.within_target, count(*)
FROM decision_timings t JOIN contacts c USING (contact_id) GROUP BY 1, 2, 3, 4;

-- The statement folding timed decisions (contact_id, rag, within_target, occurred_at, delta) into
-- the rollup, for those whose contact is known; run by the trigger itself, which alone sees its
-- transition tables.
CREATE FUNCTION decision_timings_daily_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO decision_timings_daily
        SELECT local_day(c.occurred_at), local_day(t.occurred_at), t.rag, t.within_target, sum(t.delta)
        FROM (%s) t JOIN contacts c USING (contact_id)
        GROUP BY 1, 2, 3, 4 HAVING sum(t.delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (contact_day, known_day, rag, within_target) DO UPDATE SET n = decision_timings_daily.n + EXCLUDED.n
        $sql$, changes) $$;

CREATE FUNCTION decision_timings_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE decision_timings_daily_sql(rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER decision_timings_daily_inserts AFTER INSERT ON decision_timings REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION decision_timings_daily_apply();
CREATE TRIGGER decision_timings_daily_updates AFTER UPDATE ON decision_timings REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION decision_timings_daily_apply();
CREATE TRIGGER decision_timings_daily_deletes AFTER DELETE ON decision_timings REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION decision_timings_daily_apply();

-- A contact's arrival adds the timed decisions heard before it (fired before contacts_daily's
-- trigger, by name, so a contacts batch takes this lock before any rollup row).
CREATE FUNCTION contacts_arrived_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE decision_timings_daily_sql('SELECT t.contact_id, t.rag, t.within_target, t.occurred_at, 1 AS delta FROM decision_timings t JOIN added a USING (contact_id)');
    RETURN NULL;
END $$;

CREATE TRIGGER contacts_arrived AFTER INSERT ON contacts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contacts_arrived_apply();

-- R1: each rating in force from its moment until the contact's next (infinity while it is the
-- latest), by the contact's day: a period's contacts' RAGs at its end (a local midnight) are the
-- ratings from a day before it until a day not before it. A rating added or changed re-draws its
-- contact's spans: the old spans leave, the new join. Ratings heard before their contact count
-- once it arrives, under the same lock as T1's.
CREATE TABLE ratings_daily (
    contact_day date     NOT NULL,
    from_day    date     NOT NULL,
    until_day   date     NOT NULL,
    rag         smallint NOT NULL,
    n           bigint   NOT NULL,
    PRIMARY KEY (contact_day, from_day, until_day, rag)
);

-- The spans of the ratings (contact_id, occurred_at, rag) given, each counted as delta.
CREATE FUNCTION rating_spans(ratings text, delta integer) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        SELECT local_day(c.occurred_at) AS contact_day, local_day(h.occurred_at) AS from_day,
            coalesce(local_day(lead(h.occurred_at) OVER (PARTITION BY h.contact_id ORDER BY h.occurred_at)), 'infinity') AS until_day, h.rag, %s AS delta
        FROM (%s) h JOIN contacts c USING (contact_id)
        $sql$, delta, ratings) $$;

CREATE FUNCTION ratings_daily_sql(removed text, added text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO ratings_daily
        SELECT contact_day, from_day, until_day, rag, sum(delta) FROM (%s UNION ALL %s) s
        GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (contact_day, from_day, until_day, rag) DO UPDATE SET n = ratings_daily.n + EXCLUDED.n
        $sql$, rating_spans(removed, -1), rating_spans(added, 1)) $$;

INSERT INTO ratings_daily
SELECT contact_day, from_day, until_day, rag, count(*) FROM (
    SELECT local_day(c.occurred_at) AS contact_day, local_day(h.occurred_at) AS from_day,
        coalesce(local_day(lead(h.occurred_at) OVER (PARTITION BY h.contact_id ORDER BY h.occurred_at)), 'infinity') AS until_day, h.rag
    FROM rating_history h JOIN contacts c USING (contact_id)) s
GROUP BY 1, 2, 3, 4;

-- The changed contacts' ratings before the statement (now, less what it added, plus what it took
-- away) leave the rollup; their ratings now join it.
CREATE FUNCTION ratings_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added_keys text := CASE WHEN TG_OP = 'DELETE' THEN 'SELECT NULL::text AS contact_id, NULL::timestamptz AS occurred_at WHERE false' ELSE 'SELECT contact_id, occurred_at FROM added' END;
    removed_rows text := CASE WHEN TG_OP = 'INSERT' THEN 'SELECT NULL::text AS contact_id, NULL::timestamptz AS occurred_at, NULL::smallint AS rag WHERE false' ELSE 'SELECT contact_id, occurred_at, rag FROM removed' END;
    changed text := format('SELECT contact_id FROM (%s) k UNION SELECT contact_id FROM (%s) r', added_keys, removed_rows);
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE ratings_daily_sql(
        format('SELECT h.contact_id, h.occurred_at, h.rag FROM rating_history h JOIN (%s) c USING (contact_id)
                WHERE NOT EXISTS (SELECT FROM (%s) a WHERE a.contact_id = h.contact_id AND a.occurred_at = h.occurred_at) UNION ALL %s', changed, added_keys, removed_rows),
        format('SELECT h.contact_id, h.occurred_at, h.rag FROM rating_history h JOIN (%s) c USING (contact_id)', changed));
    RETURN NULL;
END $$;

CREATE TRIGGER ratings_daily_inserts AFTER INSERT ON rating_history REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ratings_daily_apply();
CREATE TRIGGER ratings_daily_updates AFTER UPDATE ON rating_history REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ratings_daily_apply();
CREATE TRIGGER ratings_daily_deletes AFTER DELETE ON rating_history REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ratings_daily_apply();

-- D3: the presenting issues of each day's contacts, by issue; issues heard before their contact
-- count once it arrives (the contact's write adds them), under the same lock as T1's and R1's.
CREATE TABLE presenting_issues_daily (
    contact_day date   NOT NULL,
    issue       text   NOT NULL,
    n           bigint NOT NULL,
    PRIMARY KEY (contact_day, issue)
);

INSERT INTO presenting_issues_daily
SELECT local_day(c.occurred_at), i.issue, count(*) FROM presenting_issues i JOIN contacts c USING (contact_id) GROUP BY 1, 2;

CREATE FUNCTION presenting_issues_daily_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO presenting_issues_daily
        SELECT local_day(c.occurred_at), i.issue, sum(i.delta) FROM (%s) i JOIN contacts c USING (contact_id)
        GROUP BY 1, 2 HAVING sum(i.delta) <> 0 ORDER BY 1, 2
        ON CONFLICT (contact_day, issue) DO UPDATE SET n = presenting_issues_daily.n + EXCLUDED.n
        $sql$, changes) $$;

CREATE FUNCTION presenting_issues_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE presenting_issues_daily_sql(rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER presenting_issues_daily_inserts AFTER INSERT ON presenting_issues REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION presenting_issues_daily_apply();
CREATE TRIGGER presenting_issues_daily_updates AFTER UPDATE ON presenting_issues REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION presenting_issues_daily_apply();
CREATE TRIGGER presenting_issues_daily_deletes AFTER DELETE ON presenting_issues REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION presenting_issues_daily_apply();

CREATE OR REPLACE FUNCTION contacts_arrived_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE decision_timings_daily_sql('SELECT t.contact_id, t.rag, t.within_target, t.occurred_at, 1 AS delta FROM decision_timings t JOIN added a USING (contact_id)');
    EXECUTE ratings_daily_sql('SELECT NULL::text AS contact_id, NULL::timestamptz AS occurred_at, NULL::smallint AS rag WHERE false',
        'SELECT h.contact_id, h.occurred_at, h.rag FROM rating_history h JOIN added a USING (contact_id)');
    EXECUTE presenting_issues_daily_sql('SELECT i.contact_id, i.issue, 1 AS delta FROM presenting_issues i JOIN added a USING (contact_id)');
    RETURN NULL;
END $$;

-- R5: requests for information sent each day, by the partner agency asked (written once).
CREATE TABLE information_requests_daily (
    day       date   NOT NULL,
    agency_id text   NOT NULL,
    n         bigint NOT NULL,
    PRIMARY KEY (day, agency_id)
);

INSERT INTO information_requests_daily SELECT local_day(occurred_at), agency_id, count(*) FROM information_requests GROUP BY 1, 2;

CREATE FUNCTION information_requests_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO information_requests_daily
        SELECT local_day(occurred_at), agency_id, sum(delta) FROM (%s) f
        GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
        ON CONFLICT (day, agency_id) DO UPDATE SET n = information_requests_daily.n + EXCLUDED.n
        $sql$, rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER information_requests_daily_inserts AFTER INSERT ON information_requests REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION information_requests_daily_apply();
CREATE TRIGGER information_requests_daily_updates AFTER UPDATE ON information_requests REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION information_requests_daily_apply();
CREATE TRIGGER information_requests_daily_deletes AFTER DELETE ON information_requests REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION information_requests_daily_apply();
