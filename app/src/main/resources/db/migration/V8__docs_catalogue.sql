-- OpenAPI-aware documentation (docs/api.md): what the documentation URL served when it was last
-- fetched, and the operations of an OpenAPI document (one per line), stored so that tool listings
-- never fetch. Existing connections have none until their documentation is refreshed.
ALTER TABLE connections ADD COLUMN docs_kind VARCHAR(16);
ALTER TABLE connections ADD COLUMN docs_title VARCHAR(200);
ALTER TABLE connections ADD COLUMN docs_operations INTEGER;
ALTER TABLE connections ADD COLUMN docs_catalogue VARCHAR(1000000);
ALTER TABLE connections ADD COLUMN docs_fetched_at TIMESTAMP;
ALTER TABLE connections ADD COLUMN docs_message VARCHAR(500);
ALTER TABLE connections ADD COLUMN docs_source VARCHAR(2048);
