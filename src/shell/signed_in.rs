//! `SignedIn`: the panel once it holds a token — the tenant's configuration, then the shown
//! interaction in the deployment model the tenant uses; with native CRM, the contact search
//! above it.

use leptos::prelude::*;

use super::ShownInteraction;
use crate::api::{ApiClient, CrmSource, Lookup};
use crate::crm::search::SearchBox;
use crate::host::Desk;
use crate::layouts::provide_form_schemas;
use crate::ui::ErrorNotice;

/// Reads the tenant's configuration (native CRM or identity-only, screen pop on or off) with
/// `client` and shows the desk accordingly; a failure says why and offers a retry where one can help.
/// In a native-CRM tenant the search box sits on top, with or without an interaction, and the
/// CRM's components read through a [`CrmSource`] on `client`.
#[component]
pub fn SignedIn(
    /// The API client for the tenant and token.
    client: ApiClient,
    /// The live interactions.
    desk: RwSignal<Desk>,
) -> impl IntoView {
    provide_context(client.clone());
    provide_context(CrmSource::new(client.clone()));
    // Only `native_crm` is rendered from. The screen-pop setting goes to the desk (it decides who
    // is looked up) before the read resolves, so `ShownInteraction` never renders without it.
    let config: Lookup<bool> = Lookup::new(
        || (),
        move |(), abort| {
            let client = client.clone();
            async move {
                let config = client.get_config(abort.as_ref()).await?;
                desk.maybe_update(|d| d.set_screen_pop(config.screen_pop));
                Ok(config.native_crm)
            }
        },
    );
    let retry = Callback::new(move |()| config.retry());

    // Rendered again only when the answer changes (it comes, or a retry asks again).
    move || match config.with(|answer| answer.cloned()) {
        None => view! { <p class="empty-state" data-testid="config-loading">"Connecting…"</p> }.into_any(),
        Some(Ok(false)) => view! { <ShownInteraction desk limited=true/> }.into_any(),
        Some(Ok(true)) => {
            provide_form_schemas();
            let on_open = Callback::new(move |id: String| {
                desk.maybe_update(|d| d.open_contact(&id));
            });
            let on_create = Callback::new(move |seed: String| {
                desk.maybe_update(|d| d.create_contact(&seed));
            });
            view! {
                <SearchBox on_open on_create/>
                <ShownInteraction desk limited=false/>
            }
            .into_any()
        }
        Some(Err(error)) => view! { <ErrorNotice error what="panel settings" on_retry=retry/> }.into_any(),
    }
}
