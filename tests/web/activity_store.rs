//! The in-memory CRM's activities, by the server's rules: a create body is read by the wire's
//! `ActivityRules` (so a missing `task.dueAt` is the server's 400), an `Idempotency-Key` used
//! before answers the first record, a patch needs the current version (412 with the current
//! record) and is checked by `ActivityRules::apply_patch`, and related records are new / linked /
//! suggested relative to an interaction, newest first.

use std::collections::{BTreeMap, BTreeSet};

use c360_panel::api::ApiError;
use c360_wire::Problem;
use c360_wire::crm::{
    Activity, ActivityRules, FieldDefinition, Layout, RelatedRecord, RelatedRecords, Relation, WrapUp, WrapUpAnswer,
};
use chrono::Utc;
use serde_json::Value;

/// Every activity of the CRM, the keys that created them, and the links.
#[derive(Default)]
pub struct ActivityStore {
    /// Oldest first.
    activities: Vec<Activity>,
    keys: BTreeMap<String, String>,
    links: BTreeSet<(String, String)>,
    next_id: u32,
    /// Interactions wrapped up, and the auto record each made.
    wrap_ups: BTreeMap<String, String>,
}

fn invalid(errors: Vec<c360_wire::FieldError>) -> ApiError {
    ApiError::BadRequest(Problem::bad_request("Some fields of the activity are not valid.", errors))
}

fn not_found() -> ApiError {
    ApiError::BadRequest(Problem::new(404, "No such activity."))
}

impl ActivityStore {
    /// `POST /activities?layoutId=…`: `body` as the panel sends it, checked by `layout` and the
    /// record type's fields; `known_contact` whether the contact exists.
    pub fn create_in(
        &mut self,
        body: &Value,
        key: Option<&str>,
        known_contact: bool,
        layout: &Layout,
        definitions: &[FieldDefinition],
    ) -> Result<Activity, ApiError> {
        let rules = ActivityRules { definitions: Some(definitions), layout: Some(layout), ..ActivityRules::default() };
        self.create_by(rules, body, key, known_contact)
    }

    /// A record stored as `POST /activities` with the built-in rules would (seeding a test).
    pub fn create(&mut self, body: &Value, key: Option<&str>, known_contact: bool) -> Result<Activity, ApiError> {
        self.create_by(ActivityRules::default(), body, key, known_contact)
    }

    fn create_by(
        &mut self,
        rules: ActivityRules<'_>,
        body: &Value,
        key: Option<&str>,
        known_contact: bool,
    ) -> Result<Activity, ApiError> {
        let details = rules.read(body).map_err(invalid)?;
        if !known_contact {
            return Err(ApiError::BadRequest(Problem::new(404, "No such contact.")));
        }
        if let Some(first) = key.and_then(|k| self.keys.get(k)) {
            return self.get(first).ok_or_else(not_found);
        }
        self.next_id += 1;
        let activity = Activity {
            activity_id: format!("a-{}", self.next_id),
            details,
            version: 1,
            created_at: Utc::now() + chrono::Duration::milliseconds(i64::from(self.next_id)),
            created_by: "E2E Agent".into(),
            auto: false,
        };
        if let Some(key) = key {
            self.keys.insert(key.to_owned(), activity.activity_id.clone());
        }
        self.activities.push(activity.clone());
        Ok(activity)
    }

    /// `PATCH /activities/{id}` based on `version`.
    pub fn update(&mut self, id: &str, patch: &Value, version: i64) -> Result<Activity, ApiError> {
        let current = self.get(id).ok_or_else(not_found)?;
        if current.version != version {
            return Err(ApiError::StaleActivity(Box::new(current)));
        }
        self.change(&current, patch)
    }

    /// Another agent changes activity `id` (a new version, by the same rules).
    pub fn change_behind(&mut self, id: &str, patch: &Value) {
        let current = self.get(id).expect("a stored activity");
        self.change(&current, patch).expect("a valid change");
    }

    fn change(&mut self, current: &Activity, patch: &Value) -> Result<Activity, ApiError> {
        let details = ActivityRules::default().apply_patch(current, patch).map_err(invalid)?;
        let next = Activity { details, version: current.version + 1, ..current.clone() };
        if let Some(slot) = self.activities.iter_mut().find(|a| a.activity_id == current.activity_id) {
            *slot = next.clone();
        }
        Ok(next)
    }

    /// The stored activity `id`.
    pub fn get(&self, id: &str) -> Option<Activity> {
        self.activities.iter().find(|a| a.activity_id == id).cloned()
    }

    /// `GET /contacts/{id}/related?interactionId=…`, newest first.
    pub fn related(&self, contact_id: &str, interaction_id: Option<&str>) -> RelatedRecords {
        let records = self
            .activities
            .iter()
            .rev()
            .filter(|a| a.details.contact_id == contact_id)
            .map(|a| {
                let relation = match interaction_id {
                    Some(i) if a.details.interaction_id.as_deref() == Some(i) => Relation::New,
                    Some(i) if self.links.contains(&(i.to_owned(), a.activity_id.clone())) => Relation::Linked,
                    _ => Relation::Suggested,
                };
                RelatedRecord { activity: a.clone(), relation }
            })
            .collect();
        RelatedRecords { records }
    }

    /// `PUT` / `DELETE /interactions/{i}/links/{id}`: idempotent; 404 for an unknown activity.
    pub fn set_link(&mut self, interaction_id: &str, id: &str, linked: bool) -> Result<(), ApiError> {
        self.get(id).ok_or_else(not_found)?;
        let link = (interaction_id.to_owned(), id.to_owned());
        if linked {
            self.links.insert(link);
        } else {
            self.links.remove(&link);
        }
        Ok(())
    }

    /// `POST …/wrap-up`: the first one for an interaction makes one auto call log (as a tenant
    /// whose auto log covers every channel); every repeat answers the same record.
    pub fn wrap_up(
        &mut self,
        interaction_id: &str,
        body: &WrapUp,
        known_contact: bool,
    ) -> Result<WrapUpAnswer, ApiError> {
        if !known_contact {
            return Err(ApiError::BadRequest(Problem::new(404, "No such contact.")));
        }
        if let Some(first) = self.wrap_ups.get(interaction_id) {
            return Ok(WrapUpAnswer { activity: self.get(first) });
        }
        let log = serde_json::json!({
            "type": "call", "contactId": body.contact_id, "interactionId": interaction_id,
            "subject": format!("{} {}", body.direction, body.media_type),
            "call": {"direction": body.direction, "startedAt": body.started_at, "outcome": body.wrap_up_codes.join(", ")},
        });
        let mut activity = self.create(&log, None, true)?;
        activity.auto = true;
        if let Some(stored) = self.activities.iter_mut().find(|a| a.activity_id == activity.activity_id) {
            stored.auto = true;
        }
        self.wrap_ups.insert(interaction_id.to_owned(), activity.activity_id.clone());
        Ok(WrapUpAnswer { activity: Some(activity) })
    }

    /// The interactions wrapped up so far.
    pub fn wrapped_up(&self) -> Vec<String> {
        self.wrap_ups.keys().cloned().collect()
    }
}
