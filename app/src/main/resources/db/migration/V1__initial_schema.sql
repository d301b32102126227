-- Portable SQL: runs unchanged on HSQLDB (the embedded default) and PostgreSQL.

CREATE TABLE connections (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    type                  VARCHAR(32)   NOT NULL,
    label                 VARCHAR(100),
    base_url              VARCHAR(2048) NOT NULL,
    auth_type             VARCHAR(32)   NOT NULL,
    auth_name             VARCHAR(256),
    auth_secret           VARCHAR(8192),
    docs_url              VARCHAR(2048),
    description           VARCHAR(4000),
    created_at            TIMESTAMP     NOT NULL,
    updated_at            TIMESTAMP     NOT NULL,
    last_test_ok          BOOLEAN,
    last_test_status      INTEGER,
    last_test_duration_ms BIGINT,
    last_test_at          TIMESTAMP,
    last_test_message     VARCHAR(500),
    last_test_hint        VARCHAR(500),
    version               BIGINT        NOT NULL
);

CREATE TABLE agents (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    type        VARCHAR(32)   NOT NULL,
    description VARCHAR(2000),
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT agents_name_unique UNIQUE (name)
);

CREATE TABLE agent_connections (
    agent_id      VARCHAR(36) NOT NULL,
    connection_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (agent_id, connection_id),
    CONSTRAINT agent_connections_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE,
    CONSTRAINT agent_connections_connection FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
);

CREATE TABLE api_tokens (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    scopes       VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash)
);

CREATE TABLE app_users (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT app_users_username_unique UNIQUE (username)
);

CREATE TABLE activity (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP     NOT NULL,
    agent_id      VARCHAR(36),
    connection_id VARCHAR(36),
    method        VARCHAR(16),
    path          VARCHAR(2048),
    status        INTEGER,
    outcome       VARCHAR(64)   NOT NULL,
    duration_ms   BIGINT        NOT NULL,
    body_bytes    INTEGER       NOT NULL,
    truncated     BOOLEAN       NOT NULL
);

CREATE INDEX activity_occurred_at ON activity (occurred_at);
CREATE INDEX activity_agent ON activity (agent_id);
CREATE INDEX activity_connection ON activity (connection_id);
