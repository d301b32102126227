-- Agent names are unique ignoring case, and so are the names of live (not revoked) API tokens.
-- name_key holds the lower-cased name under a UNIQUE constraint; the entities keep it in step.
-- Portable SQL: runs unchanged on HSQLDB (the embedded default) and PostgreSQL.
--
-- Rows stored before may already collide ignoring case ("Analyst" and "analyst"). The oldest row
-- of each such group keeps its name; every later one gets ' #<its id>' appended (the name cut to
-- 62 characters first, so it stays within 100). Ids are unique, so the new names are too. The
-- oldest row is never renamed, so each later row finds it whichever order the rows are updated in.
-- Renaming a token changes only its label: its value and hash stay, so clients are not affected.

ALTER TABLE agents ADD COLUMN name_key VARCHAR(200);

UPDATE agents SET name = SUBSTRING(name FROM 1 FOR 62) || ' #' || id
WHERE EXISTS (
    SELECT 1 FROM agents older
    WHERE LOWER(older.name) = LOWER(agents.name)
      AND (older.created_at < agents.created_at
           OR (older.created_at = agents.created_at AND older.id < agents.id)));

UPDATE agents SET name_key = LOWER(name);

ALTER TABLE agents ALTER COLUMN name_key SET NOT NULL;

ALTER TABLE agents ADD CONSTRAINT agents_name_key_unique UNIQUE (name_key);

-- Tokens: only live ones hold a key; a revoked token's name_key is NULL, and NULLs never collide,
-- so a revoked token's name may be given to a new one.
ALTER TABLE api_tokens ADD COLUMN name_key VARCHAR(200);

UPDATE api_tokens SET name = SUBSTRING(name FROM 1 FOR 62) || ' #' || id
WHERE revoked_at IS NULL
  AND EXISTS (
    SELECT 1 FROM api_tokens older
    WHERE older.revoked_at IS NULL
      AND LOWER(older.name) = LOWER(api_tokens.name)
      AND (older.created_at < api_tokens.created_at
           OR (older.created_at = api_tokens.created_at AND older.id < api_tokens.id)));

UPDATE api_tokens SET name_key = LOWER(name) WHERE revoked_at IS NULL;

ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_name_key_unique UNIQUE (name_key);
