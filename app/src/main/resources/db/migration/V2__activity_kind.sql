-- The activity log now records every outbound call, not only agent requests:
-- docs fetches and Test Connection runs too (security rule "the activity log is evidence").
ALTER TABLE activity ADD COLUMN kind VARCHAR(16) DEFAULT 'request' NOT NULL;
