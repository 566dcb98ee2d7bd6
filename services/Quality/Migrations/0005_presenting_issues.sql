-- D3: each contact's presenting issues (a contact may carry several). Contacts received before this
-- migration have none kept.
CREATE TABLE presenting_issues (
    contact_id text NOT NULL,
    issue      text NOT NULL,
    PRIMARY KEY (contact_id, issue)
);
