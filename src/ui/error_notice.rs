//! `ErrorNotice`: what failed, in words an agent can act on, with a retry where retrying helps.

use leptos::prelude::*;

use crate::api::ApiError;

/// Explains a failed request; offers "Try again" for temporary failures.
#[component]
pub fn ErrorNotice(
    /// What went wrong.
    error: ApiError,
    /// What the section was loading ("interaction history").
    #[prop(into)]
    what: String,
    /// Called when the agent asks to try again.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let (headline, advice) = explain(&error, &what);
    let retry = on_retry.filter(|_| error.is_retryable());

    view! {
        <div class="notice notice--error" role="alert" data-testid="error-notice">
            <p class="notice-headline">{headline}</p>
            <p class="notice-advice">{advice}</p>
            {retry.map(|cb| view! {
                <button type="button" class="button" data-testid="retry" on:click=move |e| {
                    hold_focus_in_section(&e);
                    cb.run(());
                }>"Try again"</button>
            })}
        </div>
    }
}

/// Moves the focus from "Try again", which the retry removes, to the section around the notice
/// (else the element holding it), made focusable for that: the keyboard stays where the agent was
/// and a screen reader names where it is.
fn hold_focus_in_section(e: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let notice = event_target::<web_sys::Element>(e).closest(".notice").ok().flatten();
    let home = notice.and_then(|n| n.closest("section").ok().flatten().or_else(|| n.parent_element()));
    if let Some(section) = home.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !section.has_attribute("tabindex") {
            let _ = section.set_attribute("tabindex", "-1");
        }
        let _ = section.focus();
    }
}

/// What to tell an agent about `error` while loading or saving `what`: a headline and one sentence
/// of advice, in plain words (offline, a failing service or a busy one read alike everywhere).
pub fn explain(error: &ApiError, what: &str) -> (String, String) {
    match error {
        ApiError::TokenExpired => (
            "Your session has expired".to_owned(),
            "Reopen the panel from your agent workspace to sign in again.".to_owned(),
        ),
        ApiError::Unauthorized(_) => {
            ("The panel is not signed in".to_owned(), "Reopen the panel from your agent workspace.".to_owned())
        }
        ApiError::Forbidden => (
            format!("Cannot show the {what}"),
            "This workspace is not allowed to see this tenant's customers.".to_owned(),
        ),
        // The identifier the host gave was refused (the published API's "Invalid search
        // criteria"): say so in an agent's words; other refusals keep the service's own.
        ApiError::BadRequest(problem) if problem.detail == "Invalid search criteria" => (
            format!("Cannot look up the {what}"),
            "The service did not accept the customer's phone number or email address as given by your workspace."
                .to_owned(),
        ),
        ApiError::BadRequest(problem) => (format!("Cannot look up the {what}"), problem.detail.clone()),
        ApiError::Duplicate(crm) => (format!("Cannot save the {what}"), crm.problem.detail.clone()),
        ApiError::Stale(_) | ApiError::StaleActivity(_) => (
            format!("The {what} changed meanwhile"),
            "Someone else saved a change to it. Open it again to see theirs.".to_owned(),
        ),
        ApiError::RateLimited { retry_after } => (
            "The service is busy".to_owned(),
            retry_after.map_or_else(|| "Try again in a moment.".to_owned(), |s| format!("Try again in {s} seconds.")),
        ),
        // `Aborted` never reaches an agent (a superseded read is replaced by its successor's answer).
        ApiError::Server { .. } | ApiError::Network(_) | ApiError::Decode(_) | ApiError::Aborted => {
            (format!("Could not load the {what}"), "The service did not answer as expected.".to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_identifier_reads_in_an_agents_words() {
        let published = ApiError::from_response(
            400,
            r#"{"status":400,"title":"Bad Request","detail":"Invalid search criteria"}"#,
            None,
        );
        let ours = ApiError::from_response(
            400,
            r#"{"status":400,"title":"Bad Request","detail":"Invalid search criteria","errors":[{"field":"phoneNumber","code":"invalid_format","message":"y"}]}"#,
            None,
        );
        for error in [published, ours] {
            let (headline, advice) = explain(&error, "customer's history");
            assert_eq!(headline, "Cannot look up the customer's history");
            assert!(advice.starts_with("The service did not accept the customer's phone number"), "{advice}");
        }
        let other = ApiError::from_response(400, r#"{"status":400,"title":"Bad Request","detail":"Bad q."}"#, None);
        assert_eq!(explain(&other, "contacts").1, "Bad q.");
    }
}
