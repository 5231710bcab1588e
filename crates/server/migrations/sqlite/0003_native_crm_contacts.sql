-- The native CRM's contacts (issue 12): tenant settings for them, the contacts themselves, their
-- identifiers (identity match and the duplicate check), the search index, the audit trail, the
-- link between interactions and contacts, and the tables admin-defined fields and layouts live in.
--
-- Search never scans: `contact_terms` holds, per contact, the folded words of its name and
-- company, its folded account ID, emails and email domains, and its phone digits in the forms a
-- query can match (E.164 digits, national forms, reversed digits for trailing parts). A query is
-- a few range scans `term >= 'gonz' AND term < 'gonz' || U+10FFFF` on one kind, in index order,
-- with LIMIT — the same B-tree walk on SQLite and PostgreSQL, and a query's text is only ever a
-- bound value, never an index's query syntax. Rows of `contact_identifiers` and `contact_terms`
-- are written with their contact, in the same transaction.

ALTER TABLE tenants ADD COLUMN crm_url_template TEXT;  -- NULL: the panel's own record view on this server
ALTER TABLE tenants ADD COLUMN default_country TEXT;   -- ISO alpha-2 for national phone numbers; NULL: none

CREATE TABLE contacts (
    tenant_id  TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL,
    version    INTEGER NOT NULL,         -- 1 on create, +1 per write: the ETag
    details    TEXT NOT NULL,            -- JSON: the editable fields as stored (c360_wire::crm::NewContact)
    created_at INTEGER NOT NULL,         -- epoch ms
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, contact_id)
);

-- Each phone (E.164) and email (lower-cased) of each contact: who holds an identifier.
CREATE TABLE contact_identifiers (
    tenant_id  TEXT NOT NULL,
    value      TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, value, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_identifiers_by_contact ON contact_identifiers (tenant_id, contact_id);

-- The search index. kind: n name word, c company word, a account ID, e email, d email domain,
-- p phone digits (E.164 without +), l national forms of a phone, t phone digits reversed.
CREATE TABLE contact_terms (
    tenant_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    term       TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind, term, contact_id)
) WITHOUT ROWID;
-- A contact's own terms: replaced on update, and "does it also have a word starting …" for the
-- second and later words of a query.
CREATE INDEX contact_terms_by_contact ON contact_terms (tenant_id, contact_id, kind, term);

-- One entry per write of a CRM record, never coalesced; version = the record's version after it.
CREATE TABLE audit_entries (
    tenant_id   TEXT NOT NULL,
    record_type TEXT NOT NULL,           -- contact (activities later)
    record_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    at          INTEGER NOT NULL,        -- epoch ms
    author      TEXT NOT NULL,           -- the agent or API key
    action      TEXT NOT NULL,           -- create | update
    changes     TEXT NOT NULL,           -- JSON [{field, before, after}]
    PRIMARY KEY (tenant_id, record_type, record_id, version)
) WITHOUT ROWID;

-- Interactions recorded against a contact (wrap-up links them): they join its history.
CREATE TABLE interaction_contacts (
    tenant_id      TEXT NOT NULL,
    contact_id     TEXT NOT NULL,
    interaction_id TEXT NOT NULL,
    linked_at      INTEGER NOT NULL,     -- epoch ms
    PRIMARY KEY (tenant_id, contact_id, interaction_id)
) WITHOUT ROWID;
CREATE INDEX interaction_contacts_by_interaction ON interaction_contacts (tenant_id, interaction_id);

-- Admin-defined custom fields per record type (built-in fields are not stored).
CREATE TABLE crm_fields (
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    record_type TEXT NOT NULL,
    field       TEXT NOT NULL,
    label       TEXT NOT NULL,
    field_type  TEXT NOT NULL,
    options     TEXT,                    -- JSON [string] for select
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, record_type, field)
) WITHOUT ROWID;

-- Admin-defined layouts; a record type without any uses the built-in default layout.
CREATE TABLE crm_layouts (
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    layout_id   TEXT NOT NULL,
    record_type TEXT NOT NULL,
    name        TEXT NOT NULL,
    is_default  INTEGER NOT NULL DEFAULT 0,
    fields      TEXT NOT NULL,           -- JSON [{field, required, readOnly}]
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, layout_id)
);
