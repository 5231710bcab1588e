//! `ContactView`: the contact record as the agent reads it — name, the tenant layout's fields in
//! its order, every phone and email with a copy button, the customer's local time, "Open in CRM"
//! and the pencil that makes it a form.

use c360_wire::crm::Contact;
use leptos::html::Button;
use leptos::prelude::*;

use super::model::layout::{Slot, address_lines, heading, safe_link, value_text};
use super::{CopyButton, LocalTime};
use crate::intl::phone::readable;
use crate::intl::{iso_instant, use_intl};

/// The read-only card. Empty fields are left out; every value is text.
#[component]
pub fn ContactView(
    /// The contact.
    contact: Contact,
    /// What the layout shows, in order.
    slots: Vec<Slot>,
    /// The pencil (focus returns to it when a form closes).
    edit_ref: NodeRef<Button>,
    /// Called when the agent presses the pencil.
    on_edit: Callback<()>,
    /// Where "Copied …" is announced (the card's live region).
    announce: WriteSignal<String>,
    /// More buttons beside the name (the native CRM's "+" menu).
    #[prop(default = None)]
    actions: Option<ViewFn>,
) -> impl IntoView {
    let intl = use_intl();
    let name = heading(&contact.details);
    let heading_id = crate::ui::ids::unique_id("contact-name");
    let details = contact.details.clone();
    let rows = slots
        .into_iter()
        .filter_map(|slot| {
            let d = &details;
            let (label, value) = match slot {
                Slot::Text(field, shown) => {
                    let text = field.get(d).trim().to_owned();
                    if matches!(field.name(), "firstName" | "lastName") || text.is_empty() {
                        return None;
                    }
                    (shown.label, text.into_any())
                }
                Slot::Phones(shown) if !d.phones.is_empty() => {
                    let items = d.phones.iter().map(|p| {
                        let shown = readable(p).text;
                        view! {
                            <li class="contact-value-item">
                                <a class="contact-value" href=format!("tel:{p}") data-testid="contact-phone">{shown.clone()}</a>
                                <CopyButton text=p.clone() label=shown announce/>
                            </li>
                        }
                    });
                    (shown.label, view! { <ul class="contact-values">{items.collect_view()}</ul> }.into_any())
                }
                Slot::Emails(shown) if !d.emails.is_empty() => {
                    let items = d.emails.iter().map(|e| {
                        view! {
                            <li class="contact-value-item">
                                <span class="contact-value" data-testid="contact-email">{e.clone()}</span>
                                <CopyButton text=e.clone() label=e.clone() announce/>
                            </li>
                        }
                    });
                    (shown.label, view! { <ul class="contact-values">{items.collect_view()}</ul> }.into_any())
                }
                Slot::Address(parts) => {
                    let lines = address_lines(d, &parts, |code| intl.with_untracked(|f| f.region_name(code)));
                    if lines.is_empty() {
                        return None;
                    }
                    let lines = lines.into_iter().map(|l| view! { <span class="contact-address-line">{l}</span> });
                    ("Address".to_owned(), view! { <address class="contact-address">{lines.collect_view()}</address> }.into_any())
                }
                Slot::Custom { name, shown, .. } => {
                    let text = value_text(d.custom_fields.get(&name));
                    if text.is_empty() {
                        return None;
                    }
                    (shown.label, text.into_any())
                }
                Slot::Phones(_) | Slot::Emails(_) => return None,
            };
            Some(view! {
                <div class="contact-field" data-testid="contact-field">
                    <dt data-testid="field-label">{label}</dt>
                    <dd>{value}</dd>
                </div>
            })
        })
        .collect_view();
    let link = safe_link(&contact.crm_url).map(|href| {
        let label = format!("Open {name} in the CRM (new tab)");
        view! {
            <a class="icon-button" href=href.to_owned() target="_blank" rel="noopener noreferrer"
                aria-label=label.clone() title=label data-testid="open-in-crm">
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none"
                    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>
                </svg>
            </a>
        }
    });
    let updated_ms = contact.updated_at.timestamp_millis();
    let edit_label = format!("Edit {name}");
    let labelled_by = heading_id.clone();

    view! {
        <section class="contact-card" aria-labelledby=labelled_by data-testid="contact-card">
            <div class="contact-card-header">
                <h2 id=heading_id class="contact-name" data-testid="contact-name">{name.clone()}</h2>
                <div class="contact-card-actions">
                    {actions.map(|a| a.run())}
                    {link}
                    <button type="button" class="icon-button" node_ref=edit_ref aria-label=edit_label.clone()
                        title=edit_label data-testid="contact-edit" on:click=move |_| on_edit.run(())>
                        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none"
                            stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                            <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4"/>
                        </svg>
                    </button>
                </div>
            </div>
            <LocalTime contact=Signal::stored(details.clone())/>
            <dl class="contact-fields">{rows}</dl>
            <p class="contact-updated">
                "Updated by " {contact.updated_by.clone()} ", "
                <time datetime=iso_instant(updated_ms)>{move || intl.with(|f| f.calendar_date(updated_ms))}</time>
            </p>
        </section>
    }
}
