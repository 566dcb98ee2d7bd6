ALTER TABLE widgets ADD COLUMN colour text;
