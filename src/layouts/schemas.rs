//! [`FormSchemas`]: the tenant's layouts and fields of each record type, read the first time a
//! form or record view of that type asks and kept for the signed-in panel, and the agent's layout
//! choice per record type, kept in the tab's session storage (a reload keeps it, a new tab starts
//! from the tenant's defaults). A read that fails leaves the built-in default layout standing in:
//! the forms still work with the fields every record has.

use c360_wire::crm::RecordType;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::model::FormSchema;
use crate::api::use_crm;

/// Session storage key of the layout chosen for `record_type`.
fn storage_key(record_type: &RecordType) -> String {
    format!("c360-layout-{record_type}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// One record type's schema (`None`: on its way) and the layout chosen, each with the trigger
/// its readers track: a form re-renders its fields when the layout changes, not itself.
struct Entry {
    record_type: RecordType,
    schema: Option<FormSchema>,
    loaded: ArcTrigger,
    chosen: Option<String>,
    changed: ArcTrigger,
}

/// The schemas and choices of every record type asked for. A stored list with a trigger per
/// entry rather than a signal per value: the bundle carries one reactive type less per value
/// type (docs/performance.md, "Issue 13").
#[derive(Clone, Copy)]
pub struct FormSchemas(StoredValue<Vec<Entry>>);

/// Keeps the schemas for the current owner's children (once per signed-in panel).
pub fn provide_form_schemas() {
    provide_context(FormSchemas(StoredValue::new(Vec::new())));
}

/// The schemas in context; a component mounted on its own (a test) gets its own. (A component
/// has no owner of its own: one provided by an earlier run of the view around it is disposed
/// with that run, and replaced.)
pub fn use_form_schemas() -> FormSchemas {
    use_context::<FormSchemas>().filter(|s| !s.0.is_disposed()).unwrap_or_else(|| {
        provide_form_schemas();
        expect_context()
    })
}

impl FormSchemas {
    /// Reads `f` of `record_type`'s entry, made (and its schema asked for) the first time.
    fn entry<T>(self, record_type: &RecordType, f: impl FnOnce(&Entry) -> T) -> T {
        let known = self.0.with_value(|all| all.iter().any(|e| e.record_type == *record_type));
        if !known {
            self.0.update_value(|all| {
                all.push(Entry {
                    record_type: record_type.clone(),
                    schema: None,
                    loaded: ArcTrigger::new(),
                    chosen: storage().and_then(|s| s.get_item(&storage_key(record_type)).ok().flatten()),
                    changed: ArcTrigger::new(),
                })
            });
            let (crm, record_type) = (use_crm().get(), record_type.clone());
            spawn_local(async move {
                let layouts = crm.get_layouts(&record_type, None).await.ok();
                let fields = crm.get_fields(&record_type, None).await.ok().map(|f| f.fields);
                let schema = FormSchema::of(&record_type, layouts, fields);
                self.0.try_update_value(|all| {
                    if let Some(e) = all.iter_mut().find(|e| e.record_type == record_type) {
                        e.schema = Some(schema);
                        e.loaded.notify();
                    }
                });
            });
        }
        self.0.with_value(|all| f(all.iter().find(|e| e.record_type == *record_type).expect("made above")))
    }

    /// The schema of `record_type` (`None` while it loads; tracked). The first ask reads it.
    pub fn schema(self, record_type: &RecordType) -> Option<FormSchema> {
        self.entry(record_type, |e| {
            e.loaded.track();
            e.schema.clone()
        })
    }

    /// The layout the agent chose for `record_type` this session, if any (tracked).
    pub fn chosen(self, record_type: &RecordType) -> Option<String> {
        self.entry(record_type, |e| {
            e.changed.track();
            e.chosen.clone()
        })
    }

    /// Remembers `layout_id` for `record_type`, for every form of that type this session.
    pub fn choose(self, record_type: &RecordType, layout_id: String) {
        if let Some(s) = storage() {
            let _ = s.set_item(&storage_key(record_type), &layout_id);
        }
        self.0.update_value(|all| {
            if let Some(e) = all.iter_mut().find(|e| e.record_type == *record_type) {
                e.chosen = Some(layout_id);
                e.changed.notify();
            }
        });
    }
}
