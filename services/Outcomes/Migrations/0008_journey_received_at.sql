-- When the MASH received each contact (ContactReceived's occurred_at), carried on the board's outcome
-- events so Quality counts an outcome with the period's contacts. Journeys received before this
-- migration have none until their ContactReceived is replayed.
ALTER TABLE journeys ADD COLUMN received_at timestamptz;
