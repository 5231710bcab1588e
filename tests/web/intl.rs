//! The agent's language in headless Chromium: a language change from the host re-renders the
//! shown customer's text where it stands. Nothing is remounted, so the filter the agent set and
//! the row they opened are still there.

use std::cell::Cell;
use std::rc::Rc;

use c360_panel::api::ApiClient;
use c360_panel::api::CrmSource;
use c360_panel::crm::screen_pop::MatchCache;
use c360_panel::history::InsightsCache;
use c360_panel::host::{Desk, HostContext, InteractionType, Started, look};
use c360_panel::intl::AgentIntl;
use c360_panel::shell::ShownInteraction;
use c360_wire::Identity;
use c360_wire::crm::ContactList;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::crm_memory::MemoryCrm;
use crate::support::{container, published_example_response, texts};

fn first(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector} not found")).unchecked_into()
}

#[wasm_bindgen_test]
async fn a_language_change_rewords_the_history_and_keeps_the_filter_and_the_open_row() {
    let root = container();
    let provided = Rc::new(Cell::new(None));
    let keep = Rc::clone(&provided);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        // As App provides them: the agent's language, and the caches of recent customers and of
        // their contact matches (here holding this customer, nobody in the CRM, so no server is
        // needed).
        let intl = AgentIntl::new();
        intl.set_locale("en-GB");
        keep.set(Some(intl));
        let cache = InsightsCache::new();
        cache.put(Identity::Phone { phone_number: "+14155550100".into() }, published_example_response());
        provide_context(intl);
        provide_context(cache);
        provide_context(ApiClient::new("", "demo", "token"));
        let matches = MatchCache::new();
        matches.put(Identity::Phone { phone_number: "+14155550100".into() }, &Ok(ContactList::default()));
        provide_context(matches);
        provide_context(CrmSource::new(MemoryCrm::new()));
        // A call from that customer, on a desk that pops customers by itself.
        let desk = RwSignal::new(Desk::default());
        desk.update(|d| {
            d.set_screen_pop(true);
            d.start(&Started {
                interaction_id: "call-1".into(),
                interaction_type: InteractionType::Phone,
                inbound: true,
                queue_name: None,
                customer_phone: Some("+1 415 555 0100".into()),
                customer_email: None,
                routed: true,
                internal: false,
            });
        });
        view! { <ShownInteraction desk limited=false/> }
    });
    let intl = provided.get().unwrap();
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(texts(&root, "[data-testid=timeline-row]").len(), 2);
    assert_eq!(texts(&root, "[data-testid=customer-region]"), ["United States"]);

    // The agent narrows the history to email and opens the row.
    let select: web_sys::HtmlSelectElement = first(&root, "[data-testid=filter-channel]").unchecked_into();
    select.set_value("email");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    let row = first(&root, "[data-testid=timeline-row]");
    first(&root, "[data-testid=row-toggle]").click();
    tick().await;
    let heading = texts(&root, "[data-testid=day-heading]");
    assert_eq!(heading.len(), 1);
    assert!(heading[0].contains("Aug 2024"), "{heading:?}");
    let title = |root: &web_sys::HtmlElement| first(root, "[data-testid=row-time]").get_attribute("title").unwrap();
    assert!(title(&root).contains("August"), "{}", title(&root));

    look::apply(&HostContext { locale: Some("fr-FR".into()), ..HostContext::default() }, intl);
    tick().await;

    let heading = texts(&root, "[data-testid=day-heading]");
    assert!(heading[0].contains("août 2024"), "the heading reads in French: {heading:?}");
    assert!(title(&root).contains("août"), "so does the row's full date: {}", title(&root));
    assert_eq!(texts(&root, "[data-testid=customer-region]"), ["États-Unis"], "and the caller's country");
    assert!(
        first(&root, "[data-testid=timeline-row]").is_same_node(Some(&row)) && row.is_connected(),
        "the row is the same element: nothing was remounted"
    );
    assert_eq!(select.value(), "email", "the filter stays");
    assert!(select.is_connected());
    assert_eq!(texts(&root, "[data-testid=timeline-count]"), ["Showing 1 of 2 · last 12 months"]);
    assert_eq!(
        first(&root, "[data-testid=row-toggle]").get_attribute("aria-expanded").as_deref(),
        Some("true"),
        "the open row stays open"
    );
    assert_eq!(texts(&root, "[data-testid=row-summary]").len(), 1);
    // The document's language back as it was for the other tests (look::apply set it).
    let browser = web_sys::window().unwrap().navigator().language().unwrap();
    document().document_element().unwrap().set_attribute("lang", &browser).unwrap();
}

#[wasm_bindgen_test]
fn an_instant_falls_on_the_day_of_the_host_zone() {
    use c360_panel::intl::Formatters;
    use chrono::NaiveDate;

    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // 2024-08-23T08:00:00Z and 2024-12-31T23:30:00Z.
    let (morning, new_year) = (1_724_400_000_000, 1_735_687_800_000);
    let kiritimati = Formatters::new("de-DE", Some("Pacific/Kiritimati")); // UTC+14
    let pago_pago = Formatters::new("ar-EG", Some("Pacific/Pago_Pago")); // UTC-11, Arabic digits in its texts
    assert_eq!(kiritimati.local_day(morning), day(2024, 8, 23));
    assert_eq!(kiritimati.local_day(new_year), day(2025, 1, 1));
    assert_eq!(pago_pago.local_day(morning), day(2024, 8, 22));
    assert_eq!(pago_pago.local_day(new_year), day(2024, 12, 31));
}
