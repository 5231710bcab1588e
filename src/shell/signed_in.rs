//! `SignedIn`: the panel once it holds a token — the tenant's configuration, then the shown
//! interaction in the deployment model the tenant uses.

use c360_wire::PanelConfig;
use leptos::prelude::*;

use super::ShownInteraction;
use crate::api::{ApiClient, ApiError};
use crate::host::Desk;
use crate::ui::ErrorNotice;

/// Reads the tenant's configuration (native CRM or identity-only, screen pop on or off) with
/// `client` and shows the desk accordingly; a failure says why and offers a retry where one can help.
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
    // Screen pop goes to the desk (it decides who is looked up); of the rest only `native_crm` is
    // used, so only it is kept. No memo: the signal changes only between "loading" and an answer,
    // so one would never skip a render (and each memo type costs bundle).
    let config: RwSignal<Option<Result<bool, ApiError>>> = RwSignal::new(None);
    let load = move || {
        let client = client.clone();
        config.set(None);
        leptos::task::spawn_local(async move {
            let answer = client.get_config(None).await.map(|c: PanelConfig| {
                desk.maybe_update(|d| d.set_screen_pop(c.screen_pop));
                c.native_crm
            });
            config.set(Some(answer));
        });
    };
    load();
    move || match config.get() {
        None => view! { <p class="empty-state" data-testid="config-loading">"Connecting…"</p> }.into_any(),
        Some(Ok(native_crm)) => view! { <ShownInteraction desk limited=!native_crm look/> }.into_any(),
        Some(Err(error)) => {
            let again = load.clone();
            let retry = Callback::new(move |()| again());
            view! { <ErrorNotice error what="panel settings" on_retry=retry/> }.into_any()
        }
    }
}
