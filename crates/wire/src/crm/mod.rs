//! Our native CRM API on the wire (`/v1/crm/tenants/{tenantId}/…`, normative in
//! `native-crm-api.md`): contacts, their audit history, activities and related records, layouts
//! and field definitions — and the framework-free rules both sides share, so the server enforces
//! and the panel pre-checks the very same code.

pub mod activity;
pub mod activity_layout;
mod activity_parts;
pub mod activity_rules;
pub mod builtin;
pub mod contact;
pub mod contact_json;
pub mod contact_rules;
pub mod custom_fields;
pub mod dialing;
#[cfg(test)]
mod fixtures;
pub mod fold;
pub mod headers;
pub mod highlight;
pub mod history;
pub mod layout;
pub mod merge;
pub mod patch;
pub mod phone;
mod read_flat;
pub mod search;

pub use activity::{
    Activity, ActivityType, CallPart, CasePart, CasePriority, CaseStatus, EventPart, NewActivity, RelatedRecord,
    RelatedRecords, Relation, TaskPart, TaskPriority, TaskStatus, WrapUp, WrapUpAnswer,
};
pub use activity_rules::ActivityRules;
pub use builtin::{DEFAULT_CONTACT_REQUIRED, builtin_fields, default_layout};
pub use contact::{Address, Contact, ContactList, ContactSummary, CrmProblem, MatchedField, NewContact};
pub use contact_rules::{ContactRules, validate_new_contact};
pub use custom_fields::validate_custom_fields;
pub use dialing::{Dialing, phone_country};
pub use fold::{fold, fold_words};
pub use headers::{etag, if_match_version};
pub use history::{AuditAction, AuditEntry, AuditHistory, FieldChange};
pub use layout::{
    FieldDefinition, FieldInput, FieldList, FieldType, Layout, LayoutField, LayoutFieldInput, LayoutInput, Layouts,
    RecordType,
};
pub use merge::{FieldConflict, MergeOutcome, audit_changes, changed_fields, three_way_merge};
pub use patch::apply_merge_patch;
pub use phone::{PHONE_TAIL_MIN, PhoneMatch, digits_of, is_phone_query, match_phone, normalize_phone_in, query_number};
pub use search::{ContactSearch, QueryKind, Rank, SearchQuery, validate_search};
