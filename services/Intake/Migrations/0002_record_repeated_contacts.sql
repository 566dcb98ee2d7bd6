-- The earlier contacts each contact repeats: contacts about any of its subjects received within the
-- look-back window before it (Intake:RepeatWindow), most recent first. Found once, when the contact
-- is stored, so a retry and GetContact give the same list as the first answer and the event did.
-- Contacts stored before this migration repeat nothing.
ALTER TABLE contacts ADD COLUMN repeats_contact_ids uuid[] NOT NULL DEFAULT '{}';
