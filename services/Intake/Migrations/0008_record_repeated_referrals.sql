-- Which contacts became referrals, as Triage's DecisionRecorded tells Intake, and which earlier
-- referrals each contact repeats (MEASURES.md O3: a referral about a subject already referred within
-- the window).
--
-- referred_at: when the MASH decided the contact met the threshold; null while undecided or if not
-- met. decided_at: the latest decision's time, so a late or replayed decision never overrides a
-- newer one. Both are written by primary key, once per decision, off the submission path.
ALTER TABLE contacts ADD COLUMN decided_at timestamptz;
ALTER TABLE contacts ADD COLUMN referred_at timestamptz;

-- Repeat detection walks a subject's contacts in the window (contact_subjects, as for repeated
-- contacts) and asks of each whether it was a referral: this small index of referrals only answers
-- that without reading the contact's row. The decision is kept here rather than on contact_subjects
-- because marking those rows would need them indexed by contact too, a cost on every submission;
-- the price is that a subject with very many contacts in the window takes a few microseconds for each.
CREATE INDEX contacts_referred ON contacts (id) INCLUDE (referred_at) WHERE referred_at IS NOT NULL;

-- The earlier referrals each contact repeats, found once when it is stored (as repeats_contact_ids,
-- migration 2), so a retry and GetContact give the same list the first answer and the event did.
-- Contacts stored before this migration repeat no referrals.
ALTER TABLE contacts ADD COLUMN repeats_referral_ids uuid[] NOT NULL DEFAULT '{}';
