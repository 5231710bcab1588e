//! `SignedIn`: the panel once it holds a token — the tenant's configuration, then the shown
//! interaction in the deployment model the tenant uses.

use c360_wire::PanelConfig;
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::components::{ErrorNotice, ShownInteraction};
use crate::host::Desk;

/// Reads the tenant's configuration (native CRM or identity-only) with `client` and shows the
/// desk accordingly; a failure says why and offers a retry where one can help.
#[component]
pub fn SignedIn(
    /// The API client for the tenant and token.
    client: ApiClient,
    /// The live interactions.
    desk: RwSignal<Desk>,
    /// Bumped when dates must be formatted again.
    #[prop(into)]
    look: Signal<u32>,
) -> impl IntoView {
    provide_context(client.clone());
    let config: RwSignal<Option<Result<PanelConfig, ApiError>>> = RwSignal::new(None);
    let load = move || {
        let client = client.clone();
        config.set(None);
        leptos::task::spawn_local(async move { config.set(Some(client.get_config().await)) });
    };
    load();
    let outcome =
        Memo::new(move |_| config.with(|c| c.as_ref().map(|r| r.as_ref().map(|c| c.native_crm).map_err(Clone::clone))));
    move || match outcome.get() {
        None => view! { <p class="empty-state" data-testid="config-loading">"Connecting…"</p> }.into_any(),
        Some(Ok(native_crm)) => view! { <ShownInteraction desk limited=!native_crm look/> }.into_any(),
        Some(Err(error)) => {
            let again = load.clone();
            let retry = Callback::new(move |()| again());
            view! { <ErrorNotice error what="panel settings" on_retry=retry/> }.into_any()
        }
    }
}
