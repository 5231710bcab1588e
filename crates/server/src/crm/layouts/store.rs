//! A tenant's forms for a record type: the built-in fields plus its custom ones (`crm_fields`),
//! and its layouts (`crm_layouts`), or the built-in default layout while it has none.

use c360_wire::crm::{
    FieldDefinition, FieldType, Layout, LayoutField, LayoutFieldInput, LayoutInput, Layouts, RecordType,
    builtin_fields, default_layout,
};
use sqlx::{AnyConnection, Row};

use crate::db::flag;

/// The fields and layouts of one record type in one tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// Built-in fields first, then custom ones by name.
    pub fields: Vec<FieldDefinition>,
    /// The layouts, by id; the built-in default while the tenant has none.
    pub layouts: Layouts,
}

impl Schema {
    /// The layout forms start with (there is always one).
    pub fn default_layout(&self, record_type: &RecordType) -> Layout {
        self.layouts.default_for(record_type).cloned().unwrap_or_else(|| default_layout(record_type))
    }
}

/// The schema of `record_type` in tenant `tenant_id`.
pub async fn schema(conn: &mut AnyConnection, tenant_id: &str, record_type: &RecordType) -> sqlx::Result<Schema> {
    let mut fields = builtin_fields(record_type);
    let rows = sqlx::query(
        "SELECT field, label, field_type, options FROM crm_fields WHERE tenant_id = $1 AND record_type = $2
         ORDER BY field",
    )
    .bind(tenant_id)
    .bind(record_type.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        let options: Option<String> = r.try_get(3)?;
        fields.push(FieldDefinition {
            field: r.try_get(0)?,
            label: r.try_get(1)?,
            field_type: FieldType::from(r.try_get::<String, _>(2)?),
            options: options.map(|o| json(&o)).transpose()?,
            custom: true,
        });
    }
    let rows = sqlx::query(
        "SELECT layout_id, name, is_default, fields FROM crm_layouts WHERE tenant_id = $1 AND record_type = $2
         ORDER BY layout_id",
    )
    .bind(tenant_id)
    .bind(record_type.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut layouts = Vec::with_capacity(rows.len());
    for r in &rows {
        let stored: Vec<LayoutFieldInput> = json(&r.try_get::<String, _>(3)?)?;
        layouts.push(Layout {
            layout_id: r.try_get(0)?,
            name: r.try_get(1)?,
            record_type: record_type.clone(),
            default: flag(r, 2)?,
            fields: stored.into_iter().map(|f| labelled(f, &fields)).collect(),
        });
    }
    if layouts.is_empty() {
        layouts.push(default_layout(record_type));
    }
    Ok(Schema { fields, layouts: Layouts { layouts } })
}

/// A stored layout field with its label; a field deleted since keeps its name as label (its data stays).
fn labelled(f: LayoutFieldInput, fields: &[FieldDefinition]) -> LayoutField {
    let label = fields.iter().find(|d| d.field == f.field).map_or_else(|| f.field.clone(), |d| d.label.clone());
    LayoutField { field: f.field, label, required: f.required, read_only: f.read_only }
}

fn json<T: serde::de::DeserializeOwned>(text: &str) -> sqlx::Result<T> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::ColumnDecode { index: "json".into(), source: Box::new(e) })
}

/// Creates or replaces custom field `def` of `record_type`.
pub async fn put_field(
    conn: &mut AnyConnection,
    tenant_id: &str,
    record_type: &RecordType,
    def: &FieldDefinition,
    now_ms: i64,
) -> sqlx::Result<()> {
    let options = def.options.as_ref().map(|o| serde_json::to_string(o).expect("options serialise"));
    sqlx::query(
        "INSERT INTO crm_fields (tenant_id, record_type, field, label, field_type, options, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, record_type, field) DO UPDATE SET label = excluded.label,
         field_type = excluded.field_type, options = excluded.options, updated_at = excluded.updated_at",
    )
    .bind(tenant_id)
    .bind(record_type.as_str())
    .bind(&def.field)
    .bind(&def.label)
    .bind(def.field_type.as_str())
    .bind(options)
    .bind(now_ms)
    .execute(conn)
    .await
    .map(drop)
}

/// Creates or replaces layout `layout_id`; a default layout stops the record type's others from
/// being default. Run it in a transaction.
pub async fn put_layout(
    conn: &mut AnyConnection,
    tenant_id: &str,
    layout_id: &str,
    layout: &LayoutInput,
    now_ms: i64,
) -> sqlx::Result<()> {
    if layout.default {
        sqlx::query("UPDATE crm_layouts SET is_default = $3 WHERE tenant_id = $1 AND record_type = $2")
            .bind(tenant_id)
            .bind(layout.record_type.as_str())
            .bind(false)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "INSERT INTO crm_layouts (tenant_id, layout_id, record_type, name, is_default, fields, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, layout_id) DO UPDATE SET record_type = excluded.record_type, name = excluded.name,
         is_default = excluded.is_default, fields = excluded.fields, updated_at = excluded.updated_at",
    )
    .bind(tenant_id)
    .bind(layout_id)
    .bind(layout.record_type.as_str())
    .bind(&layout.name)
    .bind(layout.default)
    .bind(serde_json::to_string(&layout.fields).expect("fields serialise"))
    .bind(now_ms)
    .execute(conn)
    .await
    .map(drop)
}
