-- Which revision of the contact's outcome the referrer sees: a correction (a higher revision)
-- replaces the outcome of a CLOSED contact, and an older revision arriving late changes nothing.
ALTER TABLE contacts ADD COLUMN outcome_revision integer NOT NULL DEFAULT 0;
