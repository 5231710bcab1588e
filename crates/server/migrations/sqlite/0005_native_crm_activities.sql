-- The native CRM's activities and cases (issue 13): the records themselves, their links to
-- later interactions, the idempotency keys of retried creates and the wrap-ups already done —
-- the last two held here, not in memory, so "exactly once" holds across instances: a unique key
-- insert inside the write's transaction decides which of two concurrent requests creates.

-- What auto log creates at wrap-up: a call/chat/email log, a task or a case.
ALTER TABLE tenants ADD COLUMN auto_log_record TEXT NOT NULL DEFAULT 'log';

CREATE TABLE activities (
    tenant_id      TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    activity_id    TEXT NOT NULL,
    activity_type  TEXT NOT NULL,        -- call | task | event | note | case
    contact_id     TEXT NOT NULL,
    interaction_id TEXT,                 -- the interaction it was created during, if any
    details        TEXT NOT NULL,        -- JSON: the editable fields (c360_wire::crm::NewActivity)
    version        INTEGER NOT NULL,     -- 1 on create, +1 per write: the ETag
    created_at     INTEGER NOT NULL,     -- epoch ms
    created_by     TEXT NOT NULL,
    updated_at     INTEGER NOT NULL,
    updated_by     TEXT NOT NULL,
    auto           INTEGER NOT NULL DEFAULT 0, -- created by auto log at wrap-up
    PRIMARY KEY (tenant_id, activity_id)
);
-- A contact's records newest first (related records), read in index order.
CREATE INDEX activities_by_contact ON activities (tenant_id, contact_id, created_at DESC, activity_id DESC);
CREATE INDEX activities_by_interaction ON activities (tenant_id, interaction_id);

-- Earlier records linked to a later interaction ("linked" in related records).
CREATE TABLE activity_links (
    tenant_id      TEXT NOT NULL,
    interaction_id TEXT NOT NULL,
    activity_id    TEXT NOT NULL,
    linked_at      INTEGER NOT NULL,     -- epoch ms
    PRIMARY KEY (tenant_id, interaction_id, activity_id)
) WITHOUT ROWID;
CREATE INDEX activity_links_by_activity ON activity_links (tenant_id, activity_id);

-- `Idempotency-Key`s of creates: the first request with a key inserts it with the id of the
-- record it creates; a retry (or a concurrent twin) finds it and answers that record.
CREATE TABLE idempotency_keys (
    tenant_id  TEXT NOT NULL,
    scope      TEXT NOT NULL,            -- what the key was used for (activities)
    idem_key   TEXT NOT NULL,
    record_id  TEXT NOT NULL,            -- the record the first request created
    created_at INTEGER NOT NULL,         -- epoch ms
    PRIMARY KEY (tenant_id, scope, idem_key)
) WITHOUT ROWID;

-- One wrap-up per interaction: the first inserts its row, and every repeat answers from it.
CREATE TABLE wrap_ups (
    tenant_id      TEXT NOT NULL,
    interaction_id TEXT NOT NULL,
    contact_id     TEXT NOT NULL,
    activity_id    TEXT,                 -- the auto-log record; NULL when auto log did not cover it
    created_at     INTEGER NOT NULL,     -- epoch ms
    PRIMARY KEY (tenant_id, interaction_id)
) WITHOUT ROWID;
