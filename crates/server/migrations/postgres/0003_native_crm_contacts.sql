-- The native CRM's contacts: the same tables, columns and indexes as
-- migrations/sqlite/0003_native_crm_contacts.sql (see there for what each holds and why search
-- never scans), in PostgreSQL's types. Keys and search terms are `COLLATE "C"`: byte order, as
-- SQLite compares text, so the range scans `term >= $t AND term < $t || U+10FFFF` walk the same
-- B-tree order on both engines whatever locale the cluster was created with.

ALTER TABLE tenants ADD COLUMN crm_url_template TEXT;  -- NULL: the panel's own record view on this server
ALTER TABLE tenants ADD COLUMN default_country TEXT;   -- ISO alpha-2 for national phone numbers; NULL: none

CREATE TABLE contacts (
    tenant_id  TEXT COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id TEXT COLLATE "C" NOT NULL,
    version    BIGINT NOT NULL,          -- 1 on create, +1 per write: the ETag
    details    TEXT NOT NULL,            -- JSON: the editable fields as stored (c360_wire::crm::NewContact)
    created_at BIGINT NOT NULL,          -- epoch ms
    created_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, contact_id)
);

CREATE TABLE contact_identifiers (
    tenant_id  TEXT COLLATE "C" NOT NULL,
    value      TEXT COLLATE "C" NOT NULL,
    contact_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, value, contact_id)
);
CREATE INDEX contact_identifiers_by_contact ON contact_identifiers (tenant_id, contact_id);

CREATE TABLE contact_terms (
    tenant_id  TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    term       TEXT COLLATE "C" NOT NULL,
    contact_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, kind, term, contact_id)
);
CREATE INDEX contact_terms_by_contact ON contact_terms (tenant_id, contact_id, kind, term);

CREATE TABLE audit_entries (
    tenant_id   TEXT COLLATE "C" NOT NULL,
    record_type TEXT COLLATE "C" NOT NULL,
    record_id   TEXT COLLATE "C" NOT NULL,
    version     BIGINT NOT NULL,
    at          BIGINT NOT NULL,         -- epoch ms
    author      TEXT NOT NULL,           -- the agent or API key
    action      TEXT NOT NULL,           -- create | update
    changes     TEXT NOT NULL,           -- JSON [{field, before, after}]
    PRIMARY KEY (tenant_id, record_type, record_id, version)
);

CREATE TABLE interaction_contacts (
    tenant_id      TEXT COLLATE "C" NOT NULL,
    contact_id     TEXT COLLATE "C" NOT NULL,
    interaction_id TEXT COLLATE "C" NOT NULL,
    linked_at      BIGINT NOT NULL,      -- epoch ms
    PRIMARY KEY (tenant_id, contact_id, interaction_id)
);
CREATE INDEX interaction_contacts_by_interaction ON interaction_contacts (tenant_id, interaction_id);

CREATE TABLE crm_fields (
    tenant_id   TEXT COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    record_type TEXT COLLATE "C" NOT NULL,
    field       TEXT COLLATE "C" NOT NULL,
    label       TEXT NOT NULL,
    field_type  TEXT NOT NULL,
    options     TEXT,                    -- JSON [string] for select
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, record_type, field)
);

CREATE TABLE crm_layouts (
    tenant_id   TEXT COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    layout_id   TEXT COLLATE "C" NOT NULL,
    record_type TEXT COLLATE "C" NOT NULL,
    name        TEXT NOT NULL,
    is_default  BOOLEAN NOT NULL DEFAULT FALSE,
    fields      TEXT NOT NULL,           -- JSON [{field, required, readOnly}]
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, layout_id)
);
