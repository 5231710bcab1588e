-- Tenants, credentials and the interaction history the Customer 360 contract serves: the schema
-- that c360-server's rusqlite releases left at `PRAGMA user_version = 2` (their migrations 0001 and
-- 0002, kept verbatim in tests/fixtures/rusqlite-*.sql), column for column.
--
-- Every statement is `IF NOT EXISTS`, so this first sqlx migration creates a new database and
-- adopts one made by those releases without touching it (db/migrate.rs brings a version-1 database
-- to version 2 first). Released: never edit; add a migration instead.

CREATE TABLE IF NOT EXISTS tenants (
    id               TEXT PRIMARY KEY,
    account_id       TEXT NOT NULL,            -- the customer account that owns the tenant (keys are per account)
    speech_analytics INTEGER NOT NULL DEFAULT 1,
    native_crm       INTEGER NOT NULL DEFAULT 1,
    auto_log         TEXT NOT NULL DEFAULT '', -- comma-separated media types, '' = off
    created_at       INTEGER NOT NULL,
    screen_pop       INTEGER NOT NULL DEFAULT 1 -- off: the agent opens the customer's history
);

CREATE TABLE IF NOT EXISTS tenant_origins (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    origin    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, origin)
);

CREATE TABLE IF NOT EXISTS api_keys (
    id         INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    key_hash   TEXT NOT NULL UNIQUE,            -- hex SHA-256 of the key; the key itself is never stored
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE IF NOT EXISTS server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS interactions (
    tenant_id          TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    interaction_id     TEXT NOT NULL,
    identity_key       TEXT NOT NULL,           -- normalised media identifier: E.164 phone or lower-case email
    media_identifier   TEXT,
    contact_id         TEXT,
    account_id         TEXT,
    media_type         TEXT NOT NULL,
    chat_type          TEXT,
    direction          TEXT,
    product_type       TEXT,
    started_at         INTEGER NOT NULL,        -- epoch ms
    ended_at           INTEGER,
    sentiment          TEXT,                    -- overall; NULL = not analysed
    customer_sentiment TEXT,
    agent_sentiment    TEXT,
    topics             TEXT NOT NULL DEFAULT '[]',  -- JSON [{topic, matches}]
    wrap_up_codes      TEXT NOT NULL DEFAULT '[]',  -- JSON [string]
    interaction_labels TEXT NOT NULL DEFAULT '[]',  -- JSON [string]
    queue_name         TEXT,
    outcome_label      TEXT,
    title              TEXT,
    email_subject      TEXT,
    department_name    TEXT,
    PRIMARY KEY (tenant_id, interaction_id)
) WITHOUT ROWID;

-- A WITHOUT ROWID table's indexes end with its primary key, so these also order by interaction_id.
CREATE INDEX IF NOT EXISTS interactions_by_identity ON interactions (tenant_id, identity_key, started_at DESC);
CREATE INDEX IF NOT EXISTS interactions_by_contact ON interactions (tenant_id, contact_id, started_at DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS interactions_by_account ON interactions (tenant_id, account_id, started_at DESC) WHERE account_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS topic_catalogue (
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    topic_name    TEXT NOT NULL,
    category_name TEXT NOT NULL,
    PRIMARY KEY (tenant_id, topic_name)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS summaries (
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    interaction_id    TEXT NOT NULL,
    summary_object_id TEXT NOT NULL,
    content_id        TEXT NOT NULL,
    result            TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'success',
    kind              TEXT NOT NULL DEFAULT 'summary',
    duration          REAL,
    created_at        TEXT NOT NULL,            -- ISO-8601 without offset, as upstream sends it
    available         INTEGER NOT NULL DEFAULT 1, -- 0 = exists but temporarily unavailable
    PRIMARY KEY (tenant_id, interaction_id)
) WITHOUT ROWID;
