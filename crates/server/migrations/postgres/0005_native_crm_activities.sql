-- The native CRM's activities and cases: the same tables, columns and indexes as
-- migrations/sqlite/0005_native_crm_activities.sql (see there for what each holds), in
-- PostgreSQL's types, keys `COLLATE "C"` as in 0003.

ALTER TABLE tenants ADD COLUMN auto_log_record TEXT NOT NULL DEFAULT 'log';

CREATE TABLE activities (
    tenant_id      TEXT COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    activity_id    TEXT COLLATE "C" NOT NULL,
    activity_type  TEXT NOT NULL,
    contact_id     TEXT COLLATE "C" NOT NULL,
    interaction_id TEXT COLLATE "C",
    details        TEXT NOT NULL,
    version        BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     BIGINT NOT NULL,
    updated_by     TEXT NOT NULL,
    auto           BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, activity_id)
);
CREATE INDEX activities_by_contact ON activities (tenant_id, contact_id, created_at DESC, activity_id DESC);
CREATE INDEX activities_by_interaction ON activities (tenant_id, interaction_id);

CREATE TABLE activity_links (
    tenant_id      TEXT COLLATE "C" NOT NULL,
    interaction_id TEXT COLLATE "C" NOT NULL,
    activity_id    TEXT COLLATE "C" NOT NULL,
    linked_at      BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, interaction_id, activity_id)
);
CREATE INDEX activity_links_by_activity ON activity_links (tenant_id, activity_id);

CREATE TABLE idempotency_keys (
    tenant_id  TEXT COLLATE "C" NOT NULL,
    scope      TEXT COLLATE "C" NOT NULL,
    idem_key   TEXT COLLATE "C" NOT NULL,
    record_id  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, scope, idem_key)
);

CREATE TABLE wrap_ups (
    tenant_id      TEXT COLLATE "C" NOT NULL,
    interaction_id TEXT COLLATE "C" NOT NULL,
    contact_id     TEXT COLLATE "C" NOT NULL,
    activity_id    TEXT COLLATE "C",
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, interaction_id)
);
