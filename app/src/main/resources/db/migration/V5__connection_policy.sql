-- Per-connection policy (docs/api.md "Per-connection policy"): the methods an agent may use,
-- comma-separated, and the path patterns it may call, one per line (NULL: any path). Existing
-- connections keep allowing everything, as before.
ALTER TABLE connections ADD COLUMN policy_methods VARCHAR(40) DEFAULT 'GET,POST,PUT,PATCH,DELETE' NOT NULL;
ALTER TABLE connections ADD COLUMN policy_paths VARCHAR(10050);
