-- Stable tool names (issue: a second connection with the same label took the plain name over, and a
-- new label renamed the tool). A connection keeps the tool name it got when it was created; an
-- agent keeps the name it gave each connection when it was enabled. Rows from before are filled
-- in at start-up with the names agents saw until now (StartupSequence).
ALTER TABLE connections ADD COLUMN tool_name VARCHAR(64);

CREATE TABLE agent_tool_names (
    agent_id      VARCHAR(36) NOT NULL,
    connection_id VARCHAR(36) NOT NULL,
    tool_name     VARCHAR(64) NOT NULL,
    PRIMARY KEY (agent_id, connection_id),
    CONSTRAINT agent_tool_names_unique UNIQUE (agent_id, tool_name),
    CONSTRAINT agent_tool_names_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE,
    CONSTRAINT agent_tool_names_connection FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
