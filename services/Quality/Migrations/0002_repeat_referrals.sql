-- O3: whether each case was a referral (the contact met the threshold) and whether its subject had
-- been referred within the window before it, as OutcomeRecorded says. Outcomes recorded before this
-- migration count as neither.
ALTER TABLE outcomes ADD COLUMN threshold_met boolean NOT NULL DEFAULT false;
ALTER TABLE outcomes ADD COLUMN is_repeat_referral boolean NOT NULL DEFAULT false;
