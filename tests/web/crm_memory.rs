//! An in-memory native CRM behind the panel's `CrmSource` seam, for component tests (the browser
//! tests cannot reach a c360-server). It answers by the real wire rules — `validate_search` and
//! `SearchQuery::rank`, `ContactRules` (create and `apply_patch`), the duplicate answer, versions
//! and `If-Match` — never with canned answers. Tests can make the next calls fail, slow calls
//! down, and change a contact "behind the agent's back" as another agent would.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use c360_panel::api::{ApiError, Crm, CrmFuture, Versioned};
use c360_wire::crm::{
    Activity, Contact, ContactList, ContactRules, ContactSummary, CrmProblem, FieldDefinition, FieldList, Layout,
    Layouts, NewContact, RecordType, RelatedRecords, WrapUp, WrapUpAnswer, builtin_fields, default_layout,
    validate_search,
};
use c360_wire::{Identity, Problem};
use chrono::Utc;
use serde_json::Value;
use web_sys::AbortSignal;

use crate::activity_store::ActivityStore;
use crate::support::sleep;

/// A call the CRM received: its name and argument, and its abort signal (reads only).
pub struct Call {
    pub what: String,
    pub abort: Option<AbortSignal>,
}

#[derive(Default)]
struct State {
    contacts: Vec<Contact>,
    layouts: Vec<Layout>,
    custom: Vec<FieldDefinition>,
    other_custom: Vec<(RecordType, FieldDefinition)>,
    default_country: Option<String>,
    faults: VecDeque<ApiError>,
    delay_ms: i32,
    calls: Vec<Call>,
    next_id: u32,
    activities: ActivityStore,
}

/// The CRM of one test.
#[derive(Clone, Default)]
pub struct MemoryCrm(Rc<RefCell<State>>);

impl MemoryCrm {
    /// An empty CRM with the built-in default layout.
    pub fn new() -> Self {
        let crm = Self::default();
        crm.0.borrow_mut().delay_ms = 5;
        crm
    }

    /// Adds contacts as an agent would create them (validated by the same rules; a shared number
    /// is allowed, as "Create anyway" allows it).
    pub fn with(self, contacts: &[NewContact]) -> Self {
        for c in contacts {
            self.store(c, None, true).expect("a valid test contact");
        }
        self
    }

    /// Every call takes `ms` (a call aborted meanwhile answers `Aborted`).
    pub fn slow(&self, ms: i32) {
        self.0.borrow_mut().delay_ms = ms;
    }

    /// The next call fails with `error` (queued: several calls, several failures).
    pub fn fail_next(&self, error: ApiError) {
        self.0.borrow_mut().faults.push_back(error);
    }

    /// What was asked so far (`search whit`, `update c-1 {…} @3` …).
    pub fn calls(&self) -> Vec<String> {
        self.0.borrow().calls.iter().map(|c| c.what.clone()).collect()
    }

    /// Whether the read logged as `what` was aborted.
    pub fn aborted(&self, what: &str) -> bool {
        self.0.borrow().calls.iter().any(|c| c.what == what && c.abort.as_ref().is_some_and(AbortSignal::aborted))
    }

    /// Adds `layout` to its record type's (a type with none has the built-in default).
    pub fn with_layout(self, layout: Layout) -> Self {
        self.0.borrow_mut().layouts.push(layout);
        self
    }

    /// Defines custom fields (contact ones unless their record type is set with
    /// [`Self::with_fields_of`]).
    pub fn with_custom_fields(self, fields: Vec<FieldDefinition>) -> Self {
        self.0.borrow_mut().custom = fields;
        self
    }

    /// National numbers are read in `country`.
    pub fn with_default_country(self, country: &str) -> Self {
        self.0.borrow_mut().default_country = Some(country.to_owned());
        self
    }

    /// The stored contact with `id`.
    pub fn contact(&self, id: &str) -> Contact {
        self.0.borrow().contacts.iter().find(|c| c.contact_id == id).cloned().expect("a stored contact")
    }

    /// The activities, to seed or inspect (`crm.activities(|a| a.count())`).
    pub fn activities<T>(&self, f: impl FnOnce(&mut ActivityStore) -> T) -> T {
        f(&mut self.0.borrow_mut().activities)
    }

    /// Another agent saves merge `patch` on contact `id` (by the same rules, new version).
    pub fn change_behind(&self, id: &str, patch: Value) {
        let current = self.contact(id);
        self.patch(&current, &patch, "Sam Rivera").expect("a valid change");
    }

    /// Defines custom fields of another record type.
    pub fn with_fields_of(self, record_type: RecordType, fields: Vec<FieldDefinition>) -> Self {
        self.0.borrow_mut().other_custom.extend(fields.into_iter().map(|f| (record_type.clone(), f)));
        self
    }

    /// The layouts of `record_type`, as `GET /layouts` answers them.
    fn layouts(&self, record_type: &RecordType) -> Vec<Layout> {
        let own: Vec<Layout> =
            self.0.borrow().layouts.iter().filter(|l| l.record_type == *record_type).cloned().collect();
        if own.is_empty() { vec![default_layout(record_type)] } else { own }
    }

    /// The layout `id` of `record_type` (the server's 400 when it has none such), else the default.
    fn layout(&self, record_type: &RecordType, id: Option<&str>) -> Result<Layout, ApiError> {
        let all = self.layouts(record_type);
        match id {
            Some(id) => all.into_iter().find(|l| l.layout_id == id).ok_or_else(|| {
                let message = format!("No {record_type} layout “{id}”.");
                Self::bad_request(vec![c360_wire::FieldError::new("layoutId", "invalid_value", message)])
            }),
            None => Ok(all.iter().find(|l| l.default).unwrap_or(&all[0]).clone()),
        }
    }

    /// " in <id>" for a layout other than the default (what the call log adds).
    fn named(&self, record_type: &RecordType, id: &str) -> String {
        let default = self.layout(record_type, None).map(|l| l.layout_id).unwrap_or_default();
        if id == default { String::new() } else { format!(" in {id}") }
    }

    fn definitions(&self) -> Vec<FieldDefinition> {
        let mut all = builtin_fields(&RecordType::Contact);
        all.extend(self.0.borrow().custom.iter().cloned());
        all
    }

    fn definitions_of(&self, record_type: &RecordType) -> Vec<FieldDefinition> {
        if *record_type == RecordType::Contact {
            return self.definitions();
        }
        let mut all = builtin_fields(record_type);
        all.extend(self.0.borrow().other_custom.iter().filter(|(t, _)| t == record_type).map(|(_, f)| f.clone()));
        all
    }

    fn bad_request(errors: Vec<c360_wire::FieldError>) -> ApiError {
        ApiError::BadRequest(Problem::bad_request("Some fields need fixing.", errors))
    }

    fn store(
        &self,
        contact: &NewContact,
        layout_id: Option<&str>,
        allow_duplicate: bool,
    ) -> Result<Versioned, ApiError> {
        let (layout, definitions) = (self.layout(&RecordType::Contact, layout_id)?, self.definitions());
        let country = self.0.borrow().default_country.clone();
        let rules = ContactRules::for_layout(&layout, &definitions, country.as_deref());
        let clean = rules.validate(contact).map_err(Self::bad_request)?;
        let mut state = self.0.borrow_mut();
        let holders: Vec<ContactSummary> = state
            .contacts
            .iter()
            .filter(|c| {
                c.details.phones.iter().any(|p| clean.phones.contains(p))
                    || c.details.emails.iter().any(|e| clean.emails.contains(e))
            })
            .map(ContactSummary::from)
            .collect();
        if !holders.is_empty() && !allow_duplicate {
            return Err(ApiError::Duplicate(Box::new(CrmProblem::duplicate(&clean, holders))));
        }
        state.next_id += 1;
        let id = format!("c-{}", state.next_id);
        let now = Utc::now();
        let stored = Contact {
            contact_id: id.clone(),
            crm_url: format!("https://crm.example.com/contacts/{id}"),
            version: 1,
            created_at: now,
            updated_at: now,
            updated_by: "E2E Agent".into(),
            details: clean,
        };
        state.contacts.push(stored.clone());
        Ok(Versioned { version: stored.version, contact: stored })
    }

    fn patch(&self, current: &Contact, patch: &Value, by: &str) -> Result<Versioned, ApiError> {
        let (layout, definitions) = (self.layout(&RecordType::Contact, None)?, self.definitions());
        let country = self.0.borrow().default_country.clone();
        let rules = ContactRules::for_layout(&layout, &definitions, country.as_deref());
        let details = rules.apply_patch(current, patch).map_err(Self::bad_request)?;
        let now = Utc::now();
        let next = Contact {
            details,
            version: current.version + 1,
            updated_at: now,
            updated_by: by.to_owned(),
            ..current.clone()
        };
        let mut state = self.0.borrow_mut();
        if let Some(slot) = state.contacts.iter_mut().find(|c| c.contact_id == current.contact_id) {
            *slot = next.clone();
        }
        Ok(Versioned { version: next.version, contact: next })
    }

    /// Logs the call, waits its delay, then answers `answer()` — or the queued fault, or
    /// `Aborted` if the call was aborted meanwhile.
    fn call<T: 'static>(
        &self,
        what: String,
        abort: Option<AbortSignal>,
        answer: impl FnOnce(&MemoryCrm) -> Result<T, ApiError> + 'static,
    ) -> CrmFuture<T> {
        let crm = self.clone();
        crm.0.borrow_mut().calls.push(Call { what, abort: abort.clone() });
        Box::pin(async move {
            let delay = crm.0.borrow().delay_ms;
            sleep(delay).await;
            if abort.as_ref().is_some_and(AbortSignal::aborted) {
                return Err(ApiError::Aborted);
            }
            let fault = crm.0.borrow_mut().faults.pop_front();
            match fault {
                Some(error) => Err(error),
                None => answer(&crm),
            }
        })
    }
}

fn not_found() -> ApiError {
    ApiError::BadRequest(Problem::new(404, "No such contact."))
}

impl Crm for MemoryCrm {
    fn tenant_id(&self) -> String {
        "demo".to_owned()
    }

    fn search_contacts(&self, q: &str, limit: Option<usize>, abort: Option<AbortSignal>) -> CrmFuture<ContactList> {
        let (q, limit) = (q.to_owned(), limit.map(|n| n.to_string()));
        self.call(format!("search {q}"), abort, move |crm| {
            let search = validate_search(Some(&q), limit.as_deref()).map_err(MemoryCrm::bad_request)?;
            let all = crm.0.borrow().contacts.iter().map(ContactSummary::from).collect();
            let mut ranked = search.query.rank(all);
            let more = ranked.len() > search.limit;
            ranked.truncate(search.limit);
            Ok(ContactList { contacts: ranked, more })
        })
    }

    fn match_contacts(&self, identity: &Identity, abort: Option<AbortSignal>) -> CrmFuture<ContactList> {
        let identity = identity.clone();
        self.call(format!("match {}", identity.display_value()), abort, move |crm| {
            let holds = |c: &&Contact| match &identity {
                Identity::Phone { phone_number } => c.details.phones.contains(phone_number),
                Identity::Email { email } => c.details.emails.contains(email),
                _ => false,
            };
            let contacts = crm.0.borrow().contacts.iter().filter(holds).map(ContactSummary::from).collect();
            Ok(ContactList { contacts, more: false })
        })
    }

    fn create_contact(&self, contact: &NewContact, layout_id: &str, allow_duplicate: bool) -> CrmFuture<Versioned> {
        let (contact, layout_id) = (contact.clone(), layout_id.to_owned());
        let anyway = if allow_duplicate { " anyway" } else { "" };
        let what = format!("create {}{anyway}{}", contact.full_name(), self.named(&RecordType::Contact, &layout_id));
        self.call(what, None, move |crm| crm.store(&contact, Some(&layout_id), allow_duplicate))
    }

    fn get_contact(&self, contact_id: &str, abort: Option<AbortSignal>) -> CrmFuture<Versioned> {
        let id = contact_id.to_owned();
        self.call(format!("get {id}"), abort, move |crm| {
            let found = crm.0.borrow().contacts.iter().find(|c| c.contact_id == id).cloned();
            found.map(|contact| Versioned { version: contact.version, contact }).ok_or_else(not_found)
        })
    }

    fn update_contact(&self, contact_id: &str, patch: &Value, version: i64) -> CrmFuture<Versioned> {
        let (id, patch) = (contact_id.to_owned(), patch.clone());
        self.call(format!("update {id} {patch} @{version}"), None, move |crm| {
            let current = crm.0.borrow().contacts.iter().find(|c| c.contact_id == id).cloned().ok_or_else(not_found)?;
            if current.version != version {
                return Err(ApiError::Stale(Box::new(current)));
            }
            crm.patch(&current, &patch, "E2E Agent")
        })
    }

    fn get_layouts(&self, record_type: &RecordType, abort: Option<AbortSignal>) -> CrmFuture<Layouts> {
        let record_type = record_type.clone();
        self.call(format!("layouts {record_type}"), abort, move |crm| {
            Ok(Layouts { layouts: crm.layouts(&record_type) })
        })
    }

    fn get_fields(&self, record_type: &RecordType, abort: Option<AbortSignal>) -> CrmFuture<FieldList> {
        let record_type = record_type.clone();
        self.call(format!("fields {record_type}"), abort, move |crm| {
            Ok(FieldList { fields: crm.definitions_of(&record_type) })
        })
    }

    fn create_activity(&self, body: &Value, key: &str, layout_id: &str) -> CrmFuture<Activity> {
        let (body, key, layout_id) = (body.clone(), key.to_owned(), layout_id.to_owned());
        let kind = body["type"].as_str().unwrap_or("");
        let record_type = RecordType::from(kind);
        let named = self.named(&record_type, &layout_id);
        let what = format!("create {kind} {} #{key}{named}", body["subject"].as_str().unwrap_or(""));
        self.call(what, None, move |crm| {
            let layout = crm.layout(&record_type, Some(&layout_id))?;
            let definitions = crm.definitions_of(&record_type);
            let known = crm.0.borrow().contacts.iter().any(|c| body["contactId"] == c.contact_id.as_str());
            crm.activities(|a| a.create_in(&body, Some(&key), known, &layout, &definitions))
        })
    }

    fn update_activity(&self, activity_id: &str, patch: &Value, version: i64) -> CrmFuture<Activity> {
        let (id, patch) = (activity_id.to_owned(), patch.clone());
        self.call(format!("update {id} {patch} @{version}"), None, move |crm| {
            crm.activities(|a| a.update(&id, &patch, version))
        })
    }

    fn get_related(
        &self,
        contact_id: &str,
        interaction_id: Option<&str>,
        abort: Option<AbortSignal>,
    ) -> CrmFuture<RelatedRecords> {
        let (id, during) = (contact_id.to_owned(), interaction_id.map(str::to_owned));
        self.call(format!("related {id} {}", during.as_deref().unwrap_or("-")), abort, move |crm| {
            if !crm.0.borrow().contacts.iter().any(|c| c.contact_id == id) {
                return Err(not_found());
            }
            Ok(crm.activities(|a| a.related(&id, during.as_deref())))
        })
    }

    fn set_link(&self, interaction_id: &str, activity_id: &str, linked: bool) -> CrmFuture<()> {
        let (during, id) = (interaction_id.to_owned(), activity_id.to_owned());
        let what = format!("{} {id} {during}", if linked { "link" } else { "unlink" });
        self.call(what, None, move |crm| crm.activities(|a| a.set_link(&during, &id, linked)))
    }

    fn wrap_up(&self, interaction_id: &str, body: &WrapUp) -> CrmFuture<WrapUpAnswer> {
        let (during, body) = (interaction_id.to_owned(), body.clone());
        self.call(format!("wrap-up {during} {}", body.contact_id), None, move |crm| {
            let known = crm.0.borrow().contacts.iter().any(|c| c.contact_id == body.contact_id);
            crm.activities(|a| a.wrap_up(&during, &body, known))
        })
    }
}

/// A contact as an agent types it.
pub fn person(first: &str, last: &str, company: &str, phones: &[&str], emails: &[&str]) -> NewContact {
    NewContact {
        first_name: first.into(),
        last_name: last.into(),
        company: company.into(),
        phones: phones.iter().map(|p| (*p).to_owned()).collect(),
        emails: emails.iter().map(|e| (*e).to_owned()).collect(),
        ..NewContact::default()
    }
}
