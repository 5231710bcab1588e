//! `App`: reads the session from the URL and shows the customer's panel, or says what is missing.

use leptos::prelude::*;

use crate::api::ApiClient;
use crate::components::CustomerHistory;
use crate::session::Session;

/// The whole panel.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::from_location();

    let body = match (session.tenant_id, session.token, session.identity) {
        (None, _, _) | (_, None, _) => view! {
            <div class="notice" data-testid="setup-notice">
                <p class="notice-headline">"This panel link is incomplete"</p>
                <p class="notice-advice">
                    "Open the panel from your agent workspace, or use a link with tenantId and a token."
                </p>
            </div>
        }
        .into_any(),
        (Some(_), Some(_), None) => view! {
            <div class="notice" data-testid="idle-notice">
                <p class="notice-headline">"No customer yet"</p>
                <p class="notice-advice">"The customer's history appears here when an interaction starts."</p>
            </div>
        }
        .into_any(),
        (Some(tenant_id), Some(token), Some(identity)) => {
            provide_context(ApiClient::new("", tenant_id, token));
            let shown = identity.display_value().to_owned();
            view! {
                <header class="customer-header">
                    <p class="customer-label">"Customer"</p>
                    <p class="customer-identity" data-testid="customer-identity">{shown}</p>
                </header>
                <CustomerHistory identity=Signal::stored(identity)/>
            }
            .into_any()
        }
    };

    view! {
        <main class="panel">
            <h1 class="visually-hidden">"Customer 360"</h1>
            {body}
        </main>
    }
}
