-- O3: whether the contact's subject had been referred within the window before it (ContactReceived
-- listed earlier referrals). A referral (threshold met) that is also this is a repeat referral.
-- Journeys received before this migration count as not repeating a referral.
ALTER TABLE journeys ADD COLUMN is_repeat_referral boolean NOT NULL DEFAULT false;
