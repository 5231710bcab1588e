//! `c360-server field set …` and `c360-server layout set --file …`: what an admin defines through
//! `PUT /fields/{field}` and `PUT /layouts/{layoutId}`, with the same checks, from the command line.

use std::path::Path;

use c360_wire::crm::{FieldDefinition, RecordType};
use c360_wire::problem::FieldError;
use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::open;
use crate::crm::layouts::{define_layouts, field_definition, put_field};
use crate::db::Location;
use crate::tenants;

/// `field set`: a custom field of a record type.
#[derive(Debug, clap::Args)]
pub struct FieldArgs {
    #[command(flatten)]
    pub db: super::DbArg,
    /// Tenant id.
    #[arg(long)]
    pub tenant: String,
    /// contact, call, task, event, note or case.
    #[arg(long)]
    pub record_type: String,
    /// The field's name: a letter, then letters, digits or _.
    #[arg(long)]
    pub field: String,
    /// What forms call it.
    #[arg(long)]
    pub label: String,
    /// text, number, date, select, phone, email or url.
    #[arg(long = "type", value_name = "TYPE")]
    pub field_type: String,
    /// A select's options, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub options: Option<Vec<String>>,
}

/// `field` actions.
#[derive(Debug, clap::Subcommand)]
pub enum FieldAction {
    /// Create or update a custom field (as `PUT /fields/{field}` does).
    Set(FieldArgs),
}

/// `layout` actions.
#[derive(Debug, clap::Subcommand)]
pub enum LayoutAction {
    /// Create or replace layouts from a JSON file: one layout or a list, each
    /// `{"layoutId", "name", "recordType", "default", "fields": [{"field", "required", "readOnly"}]}`.
    Set {
        #[command(flatten)]
        db: super::DbArg,
        /// Tenant id.
        #[arg(long)]
        tenant: String,
        /// The JSON file.
        #[arg(long)]
        file: std::path::PathBuf,
    },
}

/// Runs `field set`; returns the stored definition as JSON.
pub async fn set_field(args: FieldArgs, now_ms: i64) -> Result<String, String> {
    let mut conn = tenant_connection(&args.db.db, &args.tenant).await?;
    let record_type = known_record_type(&args.record_type)?;
    let mut body = json!({"label": args.label, "type": args.field_type});
    if let Some(options) = args.options {
        body["options"] = json!(options);
    }
    let def: FieldDefinition = field_definition(&record_type, &args.field, &body).map_err(refused)?;
    put_field(&mut conn, &args.tenant, &record_type, &def, now_ms).await.map_err(|e| e.to_string())?;
    Ok(serde_json::to_string_pretty(&def).expect("a definition serialises"))
}

/// Runs `layout set`; returns the stored layouts as JSON.
pub async fn set_layouts(location: &Location, tenant_id: &str, file: &Path, now_ms: i64) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let parsed: Value = serde_json::from_str(&text).map_err(|e| format!("{}: not JSON ({e})", file.display()))?;
    let bodies = match parsed {
        Value::Array(items) => items,
        one => vec![one],
    };
    let mut conn = tenant_connection(location, tenant_id).await?;
    let stored = define_layouts(&mut conn, tenant_id, &bodies, now_ms).await.map_err(|e| e.to_string())?;
    Ok(serde_json::to_string_pretty(&stored).expect("layouts serialise"))
}

async fn tenant_connection(location: &Location, tenant_id: &str) -> Result<AnyConnection, String> {
    let (db, _) = open(location).await?;
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?.detach();
    if tenants::find(&mut conn, tenant_id).await.map_err(|e| e.to_string())?.is_none() {
        return Err(format!("unknown tenant {tenant_id:?}"));
    }
    Ok(conn)
}

fn known_record_type(name: &str) -> Result<RecordType, String> {
    match RecordType::from(name.trim()) {
        RecordType::Other(other) => Err(format!("{other:?}: use contact, call, task, event, note or case")),
        known => Ok(known),
    }
}

fn refused(errors: Vec<FieldError>) -> String {
    crate::crm::layouts::describe_errors(&errors)
}
