-- Issue 15 point 7, continued: D2 and O5 (the period's contacts' decisions), O2 and O6 (the agencies
-- and gaps of the period's outcomes), O4 (feedback owed on the period's referrals, and given) and O7
-- (consultations) summed from per-day rollups, kept as 0010's are: statement triggers with
-- transition tables, one delta a rollup row, applied in key order, in the write's transaction.

-- D2, O5: decisions in force, by their contact's day, the day of the decision in force (known by a
-- period's end), the referring agency and whether the threshold was met. A decision heard before its
-- contact counts once the contact arrives, under the lock of the rollups by contact day (0010).
CREATE TABLE decisions_daily (
    contact_day   date    NOT NULL,
    known_day     date    NOT NULL,
    agency_id     text    NOT NULL,
    threshold_met boolean NOT NULL,
    n             bigint  NOT NULL,
    PRIMARY KEY (contact_day, known_day, agency_id, threshold_met)
);

INSERT INTO decisions_daily
SELECT local_day(c.occurred_at), local_day(d.occurred_at), d.agency_id, d.threshold_met, count(*)
FROM decisions d JOIN contacts c USING (contact_id) GROUP BY 1, 2, 3, 4;

-- The statement folding decisions (contact_id, agency_id, threshold_met, occurred_at, delta) whose contact is known.
CREATE FUNCTION decisions_daily_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO decisions_daily
        SELECT local_day(c.occurred_at), local_day(d.occurred_at), d.agency_id, d.threshold_met, sum(d.delta)
        FROM (SELECT contact_id, agency_id, threshold_met, occurred_at, delta FROM (%s) x) d JOIN contacts c USING (contact_id)
        GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (contact_day, known_day, agency_id, threshold_met) DO UPDATE SET n = decisions_daily.n + EXCLUDED.n
        $sql$, changes) $$;

CREATE FUNCTION decisions_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE decisions_daily_sql(rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER decisions_daily_inserts AFTER INSERT ON decisions REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION decisions_daily_apply();
CREATE TRIGGER decisions_daily_updates AFTER UPDATE ON decisions REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION decisions_daily_apply();
CREATE TRIGGER decisions_daily_deletes AFTER DELETE ON decisions REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION decisions_daily_apply();

-- A contact's arrival adds the decisions heard before it. A trigger of its own (not 0010's
-- contacts_arrived_apply, which later migrations may replace), named to fire after contacts_arrived
-- and before contacts_daily's, so a contacts batch still takes the lock before any rollup row.
CREATE FUNCTION contacts_arrived_decisions_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE decisions_daily_sql('SELECT d.contact_id, d.agency_id, d.threshold_met, d.occurred_at, 1 AS delta FROM decisions d JOIN added a USING (contact_id)');
    RETURN NULL;
END $$;

CREATE TRIGGER contacts_arrived_decisions AFTER INSERT ON contacts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contacts_arrived_decisions_apply();

-- O2: the agencies of the outcomes in force, by the outcome's contact day (an outcome without one,
-- its own), the day recorded (known by a period's end), role and agency. An agency heard before its
-- outcome counts once the outcome arrives; an outcome re-recorded or corrected moves its agencies
-- from its old key to its new. O6 likewise for gaps.
CREATE TABLE outcome_agencies_daily (
    day       date   NOT NULL,
    known_day date   NOT NULL,
    role      text   NOT NULL,
    agency_id text   NOT NULL,
    n         bigint NOT NULL,
    PRIMARY KEY (day, known_day, role, agency_id)
);

CREATE TABLE outcome_gaps_daily (
    day       date   NOT NULL,
    known_day date   NOT NULL,
    gap       text   NOT NULL,
    n         bigint NOT NULL,
    PRIMARY KEY (day, known_day, gap)
);

INSERT INTO outcome_agencies_daily
SELECT local_day(coalesce(o.contact_received_at, o.occurred_at)), local_day(o.occurred_at), a.role, a.agency_id, count(*)
FROM outcome_agencies a JOIN outcomes o USING (case_ref) GROUP BY 1, 2, 3, 4;

INSERT INTO outcome_gaps_daily
SELECT local_day(coalesce(o.contact_received_at, o.occurred_at)), local_day(o.occurred_at), g.gap, count(*)
FROM outcome_gaps g JOIN outcomes o USING (case_ref) GROUP BY 1, 2, 3;

-- The statements folding agencies (case_ref, role, agency_id, delta) and gaps (case_ref, gap, delta)
-- paired with outcomes (case_ref, contact_received_at, occurred_at): each names its pairing.
CREATE FUNCTION outcome_agencies_daily_sql(pairs text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO outcome_agencies_daily
        SELECT local_day(coalesce(p.contact_received_at, p.occurred_at)), local_day(p.occurred_at), p.role, p.agency_id, sum(p.delta)
        FROM (%s) p
        GROUP BY 1, 2, 3, 4 HAVING sum(p.delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, known_day, role, agency_id) DO UPDATE SET n = outcome_agencies_daily.n + EXCLUDED.n
        $sql$, pairs) $$;

CREATE FUNCTION outcome_gaps_daily_sql(pairs text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO outcome_gaps_daily
        SELECT local_day(coalesce(p.contact_received_at, p.occurred_at)), local_day(p.occurred_at), p.gap, sum(p.delta)
        FROM (%s) p
        GROUP BY 1, 2, 3 HAVING sum(p.delta) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (day, known_day, gap) DO UPDATE SET n = outcome_gaps_daily.n + EXCLUDED.n
        $sql$, pairs) $$;

-- O4: every agency owed the outcome of a referral in force (the threshold met): its referrer, each
-- agency that contributed information, and any agency told it (Outcomes tells only those owed), each
-- once; with when its outcome was recorded and its contact received, and whether, when and how soon
-- (microseconds from the outcome's first recording) it was told. The fact path reads this view; the
-- rollup keeps it per case (feedback_owed) and counts it by day.
CREATE VIEW feedback_owed_facts AS
SELECT o.case_ref, a.agency_id,
       coalesce(f.to_referrer, a.agency_id = o.agency_id) AS to_referrer,
       coalesce(o.contact_received_at, o.occurred_at) AS contact_at,
       o.occurred_at AS recorded_at,
       f.occurred_at AS told_at,
       coalesce((extract(epoch FROM f.occurred_at - f.outcome_at) * 1000000)::bigint, 0) AS micros_to_tell
FROM outcomes o
CROSS JOIN LATERAL (
    SELECT o.agency_id
    UNION SELECT c.agency_id FROM outcome_agencies c WHERE c.case_ref = o.case_ref AND c.role = 'contributed'
    UNION SELECT t.agency_id FROM agency_feedback t WHERE t.case_ref = o.case_ref) a
LEFT JOIN agency_feedback f ON f.case_ref = o.case_ref AND f.agency_id = a.agency_id
WHERE o.threshold_met AND a.agency_id <> '';

-- Each case's owed rows as the rollup last counted them, so a change re-counts the case: its old rows
-- leave the rollup and its rows now join it (no primary key: one statement deletes and re-adds them).
CREATE TABLE feedback_owed (
    case_ref       text    NOT NULL,
    agency_id      text    NOT NULL,
    to_referrer    boolean NOT NULL,
    day            date    NOT NULL,
    known_day      date    NOT NULL,
    told_day       date    NOT NULL,
    micros_to_tell bigint  NOT NULL
);
CREATE INDEX feedback_owed_case ON feedback_owed (case_ref);

-- By the contact's day, the day the outcome was recorded and the day it was told ('infinity': not
-- yet): owed, and of those told by a period's end, how many and the time it took them in all.
CREATE TABLE feedback_daily (
    day            date    NOT NULL,
    known_day      date    NOT NULL,
    told_day       date    NOT NULL,
    to_referrer    boolean NOT NULL,
    n              bigint  NOT NULL,
    micros_to_tell numeric NOT NULL,
    PRIMARY KEY (day, known_day, told_day, to_referrer)
);

INSERT INTO feedback_owed
SELECT case_ref, agency_id, to_referrer, local_day(contact_at), local_day(recorded_at), coalesce(local_day(told_at), 'infinity'), micros_to_tell
FROM feedback_owed_facts;

INSERT INTO feedback_daily
SELECT day, known_day, told_day, to_referrer, count(*), sum(micros_to_tell) FROM feedback_owed GROUP BY 1, 2, 3, 4;

-- Re-counts the cases named (a query of case_ref): their rows as last counted leave the rollup, their rows now join it.
CREATE FUNCTION feedback_recount_sql(cases text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        WITH cases AS (%s),
        gone AS (DELETE FROM feedback_owed WHERE case_ref IN (SELECT case_ref FROM cases) RETURNING *),
        fresh AS (
            INSERT INTO feedback_owed
            SELECT case_ref, agency_id, to_referrer, local_day(contact_at), local_day(recorded_at), coalesce(local_day(told_at), 'infinity'), micros_to_tell
            FROM feedback_owed_facts WHERE case_ref IN (SELECT case_ref FROM cases)
            RETURNING *)
        INSERT INTO feedback_daily
        SELECT day, known_day, told_day, to_referrer, sum(delta), sum(delta * micros_to_tell) FROM (
            SELECT g.*, -1 AS delta FROM gone g UNION ALL SELECT f.*, 1 FROM fresh f) s
        GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 OR sum(delta * micros_to_tell) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, known_day, told_day, to_referrer)
            DO UPDATE SET n = feedback_daily.n + EXCLUDED.n, micros_to_tell = feedback_daily.micros_to_tell + EXCLUDED.micros_to_tell
        $sql$, cases) $$;

-- The cases a statement changed.
CREATE FUNCTION cases_changed(operation text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE operation WHEN 'INSERT' THEN 'SELECT case_ref FROM added'
                            WHEN 'DELETE' THEN 'SELECT case_ref FROM removed'
                            ELSE 'SELECT case_ref FROM added UNION SELECT case_ref FROM removed' END $$;

-- Every writer of outcomes, their agencies, gaps and feedback takes outcomes_daily's lock (0010) and
-- holds it to its commit: the second of two sees the first's rows (an agency, a gap or a telling heard
-- before its outcome counts once the outcome arrives), and no two batches cross.
CREATE FUNCTION outcome_depth_by_outcome_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('outcomes_daily'));
    EXECUTE outcome_agencies_daily_sql(format(
        'SELECT a.role, a.agency_id, o.delta, o.contact_received_at, o.occurred_at FROM (%s) o JOIN outcome_agencies a USING (case_ref)', rollup_changes(TG_OP)));
    EXECUTE outcome_gaps_daily_sql(format(
        'SELECT g.gap, o.delta, o.contact_received_at, o.occurred_at FROM (%s) o JOIN outcome_gaps g USING (case_ref)', rollup_changes(TG_OP)));
    EXECUTE feedback_recount_sql(cases_changed(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER outcome_depth_daily_inserts AFTER INSERT ON outcomes REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcome_depth_by_outcome_apply();
CREATE TRIGGER outcome_depth_daily_updates AFTER UPDATE ON outcomes REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcome_depth_by_outcome_apply();
CREATE TRIGGER outcome_depth_daily_deletes AFTER DELETE ON outcomes REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION outcome_depth_by_outcome_apply();

CREATE FUNCTION outcome_agencies_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('outcomes_daily'));
    EXECUTE outcome_agencies_daily_sql(format(
        'SELECT a.role, a.agency_id, a.delta, o.contact_received_at, o.occurred_at FROM (%s) a JOIN outcomes o USING (case_ref)', rollup_changes(TG_OP)));
    EXECUTE feedback_recount_sql(cases_changed(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER outcome_agencies_daily_inserts AFTER INSERT ON outcome_agencies REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcome_agencies_daily_apply();
CREATE TRIGGER outcome_agencies_daily_updates AFTER UPDATE ON outcome_agencies REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcome_agencies_daily_apply();
CREATE TRIGGER outcome_agencies_daily_deletes AFTER DELETE ON outcome_agencies REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION outcome_agencies_daily_apply();

CREATE FUNCTION outcome_gaps_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('outcomes_daily'));
    EXECUTE outcome_gaps_daily_sql(format(
        'SELECT g.gap, g.delta, o.contact_received_at, o.occurred_at FROM (%s) g JOIN outcomes o USING (case_ref)', rollup_changes(TG_OP)));
    RETURN NULL;
END $$;

CREATE TRIGGER outcome_gaps_daily_inserts AFTER INSERT ON outcome_gaps REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcome_gaps_daily_apply();
CREATE TRIGGER outcome_gaps_daily_updates AFTER UPDATE ON outcome_gaps REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outcome_gaps_daily_apply();
CREATE TRIGGER outcome_gaps_daily_deletes AFTER DELETE ON outcome_gaps REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION outcome_gaps_daily_apply();

CREATE FUNCTION agency_feedback_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('outcomes_daily'));
    EXECUTE feedback_recount_sql(cases_changed(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER agency_feedback_daily_inserts AFTER INSERT ON agency_feedback REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION agency_feedback_daily_apply();
CREATE TRIGGER agency_feedback_daily_updates AFTER UPDATE ON agency_feedback REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION agency_feedback_daily_apply();
CREATE TRIGGER agency_feedback_daily_deletes AFTER DELETE ON agency_feedback REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION agency_feedback_daily_apply();

-- O7: consultations given each day, by the agency consulted and kind (written once).
CREATE TABLE consultations_daily (
    day       date   NOT NULL,
    agency_id text   NOT NULL,
    kind      text   NOT NULL,
    n         bigint NOT NULL,
    PRIMARY KEY (day, agency_id, kind)
);

INSERT INTO consultations_daily SELECT local_day(occurred_at), agency_id, kind, count(*) FROM consultations GROUP BY 1, 2, 3;

CREATE FUNCTION consultations_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO consultations_daily
        SELECT local_day(occurred_at), agency_id, kind, sum(delta) FROM (%s) f
        GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (day, agency_id, kind) DO UPDATE SET n = consultations_daily.n + EXCLUDED.n
        $sql$, rollup_changes(TG_OP));
    RETURN NULL;
END $$;

CREATE TRIGGER consultations_daily_inserts AFTER INSERT ON consultations REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consultations_daily_apply();
CREATE TRIGGER consultations_daily_updates AFTER UPDATE ON consultations REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consultations_daily_apply();
CREATE TRIGGER consultations_daily_deletes AFTER DELETE ON consultations REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION consultations_daily_apply();
