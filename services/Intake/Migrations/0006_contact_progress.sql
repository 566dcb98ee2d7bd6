-- Where a contact has got to, as the other services' events tell Intake (ContactRated, DecisionRecorded,
-- ContactOutcomeFedBack): the outcome code once Outcomes has it (feedback to the referrer, O4), and
-- when the status last changed. Both are null until then (status_changed_at null: unchanged since
-- received_at), so existing rows need no rewrite.
ALTER TABLE contacts ADD COLUMN outcome text;
ALTER TABLE contacts ADD COLUMN status_changed_at timestamptz;
