-- Agent-bound tokens (docs/api.md "Agent-bound tokens"): the one agent whose runtime a token may
-- use; NULL for the tokens of every agent (all tokens before this version).
ALTER TABLE api_tokens ADD COLUMN agent_id VARCHAR(36);
CREATE INDEX api_tokens_agent_id ON api_tokens (agent_id);
