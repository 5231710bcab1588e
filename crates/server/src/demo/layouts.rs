//! The demo tenant's forms: a custom contact field and a custom task field, two contact layouts
//! (Full, the default, and Quick), one layout per activity type and a second, quick task layout — what an admin would define with `field set` and
//! `layout set`, seeded so the LayoutPicker has something to pick from.

use c360_wire::crm::{FieldInput, FieldType, RecordType};
use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::DEMO_TENANT;
use crate::crm::layouts::{DefineError, define_layouts, field_definition, put_field};

/// The demo's custom contact field.
pub const LOYALTY_TIER: &str = "loyaltyTier";
/// The demo's custom task field (on the follow-up layout, not on the quick one).
pub const CALLBACK_NUMBER: &str = "callbackNumber";

/// The demo's layouts, as `layout set --file` takes them.
pub fn demo_layouts() -> Vec<Value> {
    let f = |field: &str, required: bool| json!({"field": field, "required": required});
    let layout = |id: &str, name: &str, record_type: &str, default: bool, fields: Vec<Value>| json!({"layoutId": id, "name": name, "recordType": record_type, "default": default, "fields": fields});
    let address = ["address.street", "address.city", "address.region", "address.postalCode", "address.country"];
    let mut full = vec![f("firstName", true), f("lastName", true), f("title", false), f("company", false)];
    full.extend(["accountId", "phones", "emails", LOYALTY_TIER].map(|n| f(n, false)));
    full.extend(address.map(|n| f(n, false)));
    vec![
        layout("contact-full", "Full", "contact", true, full),
        layout(
            "contact-quick",
            "Quick",
            "contact",
            false,
            vec![
                f("firstName", true),
                f("lastName", true),
                f("phones", false),
                f("emails", false),
                f("company", false),
            ],
        ),
        layout(
            "call-log",
            "Call log",
            "call",
            true,
            vec![
                f("subject", true),
                f("call.direction", false),
                f("call.startedAt", false),
                f("call.durationSeconds", false),
                f("call.outcome", false),
                f("description", false),
            ],
        ),
        layout(
            "task-follow-up",
            "Follow-up task",
            "task",
            true,
            vec![
                f("subject", true),
                f("task.dueAt", true),
                f("task.priority", false),
                f("task.status", false),
                f(CALLBACK_NUMBER, false),
                f("description", false),
            ],
        ),
        layout("task-quick", "Quick task", "task", false, vec![f("subject", true), f("task.dueAt", true)]),
        layout(
            "event-meeting",
            "Meeting",
            "event",
            true,
            vec![
                f("subject", true),
                f("event.startAt", true),
                f("event.endAt", true),
                f("event.location", false),
                f("description", false),
            ],
        ),
        layout("note-plain", "Note", "note", true, vec![f("description", true)]),
        layout(
            "case-support",
            "Support case",
            "case",
            true,
            vec![f("subject", true), f("case.status", false), f("case.priority", false), f("description", false)],
        ),
    ]
}

/// Gives tenant `demo` its custom field and layouts if it has no layout yet (so an admin's own are
/// never overwritten). Returns how many layouts it stored.
pub async fn seed_demo_layouts(conn: &mut AnyConnection, now_ms: i64) -> Result<usize, DefineError> {
    let demo: Option<String> =
        sqlx::query_scalar("SELECT id FROM tenants WHERE id = $1").bind(DEMO_TENANT).fetch_optional(&mut *conn).await?;
    let any: Option<String> = sqlx::query_scalar("SELECT layout_id FROM crm_layouts WHERE tenant_id = $1 LIMIT 1")
        .bind(DEMO_TENANT)
        .fetch_optional(&mut *conn)
        .await?;
    if demo.is_none() || any.is_some() {
        return Ok(0);
    }
    let tier = FieldInput {
        label: "Loyalty tier".into(),
        field_type: FieldType::Select,
        options: Some(["bronze", "silver", "gold"].map(str::to_owned).to_vec()),
    };
    let body = serde_json::to_value(&tier).expect("a field serialises");
    let def = field_definition(&RecordType::Contact, LOYALTY_TIER, &body)
        .map_err(|e| DefineError::Refused { layout: LOYALTY_TIER.into(), problems: format!("{e:?}") })?;
    put_field(conn, DEMO_TENANT, &RecordType::Contact, &def, now_ms).await?;
    let callback = FieldInput { label: "Callback number".into(), field_type: FieldType::Phone, options: None };
    let body = serde_json::to_value(&callback).expect("a field serialises");
    let def = field_definition(&RecordType::Task, CALLBACK_NUMBER, &body)
        .map_err(|e| DefineError::Refused { layout: CALLBACK_NUMBER.into(), problems: format!("{e:?}") })?;
    put_field(conn, DEMO_TENANT, &RecordType::Task, &def, now_ms).await?;
    Ok(define_layouts(conn, DEMO_TENANT, &demo_layouts(), now_ms).await?.len())
}
