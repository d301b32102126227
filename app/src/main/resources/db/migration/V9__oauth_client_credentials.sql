-- OAuth 2.0 client credentials (docs/api.md): the token endpoint, the scope and audience asked
-- for, and how the client authenticates there. The client id is auth_name, the client secret the
-- sealed auth_secret (bound to the token endpoint's origin too).
ALTER TABLE connections ADD COLUMN oauth_token_url VARCHAR(2048);
ALTER TABLE connections ADD COLUMN oauth_scope VARCHAR(1000);
ALTER TABLE connections ADD COLUMN oauth_audience VARCHAR(1000);
ALTER TABLE connections ADD COLUMN oauth_client_auth VARCHAR(8);
