-- Issue 15 point 7, continued (0010): the activities of a period (R2, R4, T2, T4), the incidents of
-- its contacts (T5) and the backlog open at its end (T3, D7) summed from per-day rollups, so none of
-- them is read fact by fact. Kept by statement triggers as 0010's are, in the same transaction.

-- The activities counted in the period they happened, by their own local day (each written once).
-- TG_ARGV: the rollup, its key columns after day, and the expressions filling them from the fact.
CREATE FUNCTION activity_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO %1$I (day, %2$s, n)
        SELECT day, %2$s, sum(delta) FROM (SELECT local_day(occurred_at), %3$s, delta FROM (%4$s) f) g (day, %2$s, delta)
        GROUP BY day, %2$s HAVING sum(delta) <> 0 ORDER BY day, %2$s
        ON CONFLICT ON CONSTRAINT %5$I DO UPDATE SET n = %1$I.n + EXCLUDED.n
        $sql$, TG_ARGV[0], TG_ARGV[1], TG_ARGV[2], rollup_changes(TG_OP), TG_ARGV[0] || '_pkey');
    RETURN NULL;
END $$;

-- R2: re-ratings made each day, by the change.
CREATE TABLE rating_changes_daily (
    day      date     NOT NULL,
    from_rag smallint NOT NULL,
    to_rag   smallint NOT NULL,
    n        bigint   NOT NULL,
    PRIMARY KEY (day, from_rag, to_rag)
);
INSERT INTO rating_changes_daily SELECT local_day(occurred_at), from_rag, to_rag, count(*) FROM rating_changes GROUP BY 1, 2, 3;
CREATE TRIGGER rating_changes_daily_inserts AFTER INSERT ON rating_changes REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('rating_changes_daily', 'from_rag, to_rag', 'from_rag, to_rag');
CREATE TRIGGER rating_changes_daily_updates AFTER UPDATE ON rating_changes REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('rating_changes_daily', 'from_rag, to_rag', 'from_rag, to_rag');
CREATE TRIGGER rating_changes_daily_deletes AFTER DELETE ON rating_changes REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('rating_changes_daily', 'from_rag, to_rag', 'from_rag, to_rag');

-- R4: escalations raised each day, by the agency raising them.
CREATE TABLE escalations_daily (
    day              date   NOT NULL,
    raised_by_agency text   NOT NULL,
    n                bigint NOT NULL,
    PRIMARY KEY (day, raised_by_agency)
);
INSERT INTO escalations_daily SELECT local_day(occurred_at), raised_by_agency, count(*) FROM escalations GROUP BY 1, 2;
CREATE TRIGGER escalations_daily_inserts AFTER INSERT ON escalations REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('escalations_daily', 'raised_by_agency', 'raised_by_agency');
CREATE TRIGGER escalations_daily_updates AFTER UPDATE ON escalations REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('escalations_daily', 'raised_by_agency', 'raised_by_agency');
CREATE TRIGGER escalations_daily_deletes AFTER DELETE ON escalations REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('escalations_daily', 'raised_by_agency', 'raised_by_agency');

-- R4: escalations resolved each day, by resolution.
CREATE TABLE escalation_resolutions_daily (
    day        date   NOT NULL,
    resolution text   NOT NULL,
    n          bigint NOT NULL,
    PRIMARY KEY (day, resolution)
);
INSERT INTO escalation_resolutions_daily SELECT local_day(occurred_at), resolution, count(*) FROM escalation_resolutions GROUP BY 1, 2;
CREATE TRIGGER escalation_resolutions_daily_inserts AFTER INSERT ON escalation_resolutions REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('escalation_resolutions_daily', 'resolution', 'resolution');
CREATE TRIGGER escalation_resolutions_daily_updates AFTER UPDATE ON escalation_resolutions REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('escalation_resolutions_daily', 'resolution', 'resolution');
CREATE TRIGGER escalation_resolutions_daily_deletes AFTER DELETE ON escalation_resolutions REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('escalation_resolutions_daily', 'resolution', 'resolution');

-- T2: partners' answers given each day, by Triage's band, and whether within 4 hours (elapsed, up
-- to and including) of the request: ResponseTimes.FirstBand, which the reader checks is still 4 h.
CREATE TABLE information_responses_daily (
    day               date    NOT NULL,
    response_band     text    NOT NULL,
    within_first_band boolean NOT NULL,
    n                 bigint  NOT NULL,
    PRIMARY KEY (day, response_band, within_first_band)
);
INSERT INTO information_responses_daily
SELECT local_day(occurred_at), response_band, occurred_at <= requested_at + interval '4 hours', count(*) FROM information_responses GROUP BY 1, 2, 3;
CREATE TRIGGER information_responses_daily_inserts AFTER INSERT ON information_responses REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION activity_daily_apply('information_responses_daily', 'response_band, within_first_band', 'response_band, occurred_at <= requested_at + interval ''4 hours''');
CREATE TRIGGER information_responses_daily_updates AFTER UPDATE ON information_responses REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION activity_daily_apply('information_responses_daily', 'response_band, within_first_band', 'response_band, occurred_at <= requested_at + interval ''4 hours''');
CREATE TRIGGER information_responses_daily_deletes AFTER DELETE ON information_responses REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
    EXECUTE FUNCTION activity_daily_apply('information_responses_daily', 'response_band, within_first_band', 'response_band, occurred_at <= requested_at + interval ''4 hours''');

-- T4: deadlines breached each day, and apart those about to be, by the RAG they were due under.
CREATE TABLE deadline_breaches_daily (
    day date     NOT NULL,
    rag smallint NOT NULL,
    n   bigint   NOT NULL,
    PRIMARY KEY (day, rag)
);
INSERT INTO deadline_breaches_daily SELECT local_day(occurred_at), rag, count(*) FROM deadline_breaches GROUP BY 1, 2;
CREATE TRIGGER deadline_breaches_daily_inserts AFTER INSERT ON deadline_breaches REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('deadline_breaches_daily', 'rag', 'rag');
CREATE TRIGGER deadline_breaches_daily_updates AFTER UPDATE ON deadline_breaches REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('deadline_breaches_daily', 'rag', 'rag');
CREATE TRIGGER deadline_breaches_daily_deletes AFTER DELETE ON deadline_breaches REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('deadline_breaches_daily', 'rag', 'rag');

CREATE TABLE deadline_approaches_daily (
    day date     NOT NULL,
    rag smallint NOT NULL,
    n   bigint   NOT NULL,
    PRIMARY KEY (day, rag)
);
INSERT INTO deadline_approaches_daily SELECT local_day(occurred_at), rag, count(*) FROM deadline_approaches GROUP BY 1, 2;
CREATE TRIGGER deadline_approaches_daily_inserts AFTER INSERT ON deadline_approaches REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('deadline_approaches_daily', 'rag', 'rag');
CREATE TRIGGER deadline_approaches_daily_updates AFTER UPDATE ON deadline_approaches REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('deadline_approaches_daily', 'rag', 'rag');
CREATE TRIGGER deadline_approaches_daily_deletes AFTER DELETE ON deadline_approaches REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_apply('deadline_approaches_daily', 'rag', 'rag');

-- T5: the contacts with a reported incident, by their day, the day first decided ('infinity' while
-- open), the day their 24 hours (elapsed) run out, and whether decided within them. At a period's
-- end (a local midnight, day E) one is judged if decided before E or its 24 hours ran out before E,
-- and within target if decided before E and in time: ComputedMeasures' T5 exactly.
CREATE TABLE incidents_daily (
    contact_day   date    NOT NULL,
    decided_day   date    NOT NULL,
    overdue_day   date    NOT NULL,
    within_target boolean NOT NULL,
    n             bigint  NOT NULL,
    PRIMARY KEY (contact_day, decided_day, overdue_day, within_target)
);

-- Contacts with their first decision, or none (occurred_at, incident_at, first_decided_at, delta), folded into the rollup.
CREATE FUNCTION incidents_daily_sql(incidents text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        INSERT INTO incidents_daily
        SELECT local_day(occurred_at), coalesce(local_day(first_decided_at), 'infinity'), local_day(incident_at + interval '24 hours'),
            coalesce(first_decided_at <= incident_at + interval '24 hours', false), sum(delta)
        FROM (%s) i WHERE incident_at IS NOT NULL
        GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (contact_day, decided_day, overdue_day, within_target) DO UPDATE SET n = incidents_daily.n + EXCLUDED.n
        $sql$, incidents) $$;

INSERT INTO incidents_daily
SELECT local_day(c.occurred_at), coalesce(local_day(d.first_decided_at), 'infinity'), local_day(c.incident_at + interval '24 hours'),
    coalesce(d.first_decided_at <= c.incident_at + interval '24 hours', false), count(*)
FROM contacts c LEFT JOIN decisions d USING (contact_id) WHERE c.incident_at IS NOT NULL GROUP BY 1, 2, 3, 4;

-- A contact's arrival (or change) counts it with its decision if one came first; a decision moves
-- its contact from undecided (the row with none) to decided, or back when removed. Under 0010's
-- lock of the rollups by contact day, so the second of a contact and its decision sees the first.
CREATE FUNCTION incidents_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    IF TG_TABLE_NAME = 'contacts' THEN
        EXECUTE incidents_daily_sql(format(
            'SELECT c.occurred_at, c.incident_at, d.first_decided_at, c.delta FROM (%s) c LEFT JOIN decisions d USING (contact_id)', rollup_changes(TG_OP)));
    ELSE
        EXECUTE incidents_daily_sql(format(
            'SELECT c.occurred_at, c.incident_at, d.first_decided_at, d.delta FROM (SELECT contact_id, first_decided_at, delta FROM (%1$s) f
             UNION ALL SELECT contact_id, NULL, -delta FROM (%1$s) f) d JOIN contacts c USING (contact_id)', rollup_changes(TG_OP)));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER contacts_incidents_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incidents_daily_apply();
CREATE TRIGGER contacts_incidents_updates AFTER UPDATE ON contacts REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incidents_daily_apply();
CREATE TRIGGER contacts_incidents_deletes AFTER DELETE ON contacts REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION incidents_daily_apply();
-- Named to fire before any other rollup trigger on decisions, so a decisions batch takes the lock first.
CREATE TRIGGER decisions_a_incidents_inserts AFTER INSERT ON decisions REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incidents_daily_apply();
CREATE TRIGGER decisions_a_incidents_updates AFTER UPDATE ON decisions REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incidents_daily_apply();
CREATE TRIGGER decisions_a_incidents_deletes AFTER DELETE ON decisions REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION incidents_daily_apply();

-- T3, D7: the backlog at a period's end (a local midnight, day E), whenever received: the contacts
-- received before E and not first decided before it, with the RAG in force at E and the DASH risk.
-- Each contact is drawn as spans of its ratings (from a rating's day until the next's; before the
-- first, unrated since '-infinity'), with its day and the day first decided ('infinity' while open):
-- open at E with a RAG when contact_day < E <= decided_day and from_day < E <= until_day. A span is
-- kept only where it can be open at some E (contact_day < decided_day, until_day > contact_day,
-- from_day < decided_day), its days clamped to the contact's open days, so a contact decided on the
-- day it came is no row at all and the rollup stays days, not contacts.
CREATE TABLE backlog_daily (
    contact_day date     NOT NULL,
    decided_day date     NOT NULL,
    dash_risk   text     NOT NULL,
    rag         smallint NOT NULL,
    from_day    date     NOT NULL,
    until_day   date     NOT NULL,
    n           bigint   NOT NULL,
    PRIMARY KEY (decided_day, contact_day, dash_risk, rag, from_day, until_day)
);

-- What each contact adds to backlog_daily, so a change re-draws it: its old spans leave, its new join.
CREATE TABLE backlog_spans (
    contact_id  text     NOT NULL,
    contact_day date     NOT NULL,
    decided_day date     NOT NULL,
    dash_risk   text     NOT NULL,
    rag         smallint NOT NULL,
    from_day    date     NOT NULL,
    until_day   date     NOT NULL
);
CREATE INDEX backlog_spans_contact ON backlog_spans (contact_id);

-- The spans, now, of the contacts (contact_id) the query given names.
CREATE FUNCTION backlog_spans_of(changed text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        SELECT contact_id, contact_day, decided_day, dash_risk, rag, greatest(from_day, contact_day) AS from_day, least(until_day, decided_day) AS until_day
        FROM (
            SELECT c.contact_id, local_day(c.occurred_at) AS contact_day, coalesce(local_day(p.first_decided_at), 'infinity') AS decided_day, c.dash_risk, s.rag, s.from_day, s.until_day
            FROM (SELECT DISTINCT contact_id FROM (%s) k) k JOIN contacts c USING (contact_id) JOIN contact_progress p USING (contact_id)
            CROSS JOIN LATERAL (
                SELECT 0::smallint AS rag, '-infinity'::date AS from_day,
                    coalesce((SELECT local_day(min(h.occurred_at)) FROM rating_history h WHERE h.contact_id = c.contact_id), 'infinity') AS until_day
                UNION ALL
                SELECT h.rag, local_day(h.occurred_at), coalesce(local_day(lead(h.occurred_at) OVER (ORDER BY h.occurred_at)), 'infinity')
                FROM rating_history h WHERE h.contact_id = c.contact_id) s
            WHERE p.received_at IS NOT NULL) spans
        WHERE contact_day < decided_day AND until_day > contact_day AND from_day < decided_day
        $sql$, changed) $$;

CREATE FUNCTION backlog_redraw_sql(changed text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format($sql$
        WITH gone AS (
            DELETE FROM backlog_spans s WHERE s.contact_id IN (SELECT contact_id FROM (%1$s) k)
            RETURNING contact_day, decided_day, dash_risk, rag, from_day, until_day),
        drawn AS (
            INSERT INTO backlog_spans %2$s
            RETURNING contact_day, decided_day, dash_risk, rag, from_day, until_day)
        INSERT INTO backlog_daily (contact_day, decided_day, dash_risk, rag, from_day, until_day, n)
        SELECT contact_day, decided_day, dash_risk, rag, from_day, until_day, sum(delta)
        FROM (SELECT *, -1 AS delta FROM gone UNION ALL SELECT *, 1 FROM drawn) s
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 2, 1, 3, 4, 5, 6
        ON CONFLICT (decided_day, contact_day, dash_risk, rag, from_day, until_day) DO UPDATE SET n = backlog_daily.n + EXCLUDED.n
        $sql$, changed, backlog_spans_of(changed)) $$;

DO $$ BEGIN EXECUTE backlog_redraw_sql('SELECT contact_id FROM contacts'); END $$;

-- A contact arriving, first decided (contact_progress) or rated (rating_history) re-draws its spans.
CREATE FUNCTION backlog_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('rollups by contact day'));
    EXECUTE backlog_redraw_sql(CASE TG_OP WHEN 'INSERT' THEN 'SELECT contact_id FROM added' WHEN 'DELETE' THEN 'SELECT contact_id FROM removed'
                                          ELSE 'SELECT contact_id FROM added UNION ALL SELECT contact_id FROM removed' END);
    RETURN NULL;
END $$;

CREATE TRIGGER contacts_backlog_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER contacts_backlog_updates AFTER UPDATE ON contacts REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER contacts_backlog_deletes AFTER DELETE ON contacts REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER contact_progress_backlog_inserts AFTER INSERT ON contact_progress REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER contact_progress_backlog_updates AFTER UPDATE ON contact_progress REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER contact_progress_backlog_deletes AFTER DELETE ON contact_progress REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER rating_history_backlog_inserts AFTER INSERT ON rating_history REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER rating_history_backlog_updates AFTER UPDATE ON rating_history REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
CREATE TRIGGER rating_history_backlog_deletes AFTER DELETE ON rating_history REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION backlog_daily_apply();
