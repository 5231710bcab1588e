//! `LocalTime`: the customer's time of day, named by its zone, kept current while the card is open.

use std::time::Duration;

use c360_wire::crm::NewContact;
use leptos::prelude::*;

use super::model::local_time::customer_zone;
use crate::intl::use_intl;

/// "Local time Tue 9:05 AM", and below it the zone's name, with a word when the country spans
/// several zones or the zone comes from a phone number. Nothing when no zone can be told.
#[component]
pub fn LocalTime(
    /// The contact whose address or phone decides the zone.
    #[prop(into)]
    contact: Signal<NewContact>,
) -> impl IntoView {
    let intl = use_intl();
    let now = RwSignal::new(chrono::Utc::now().timestamp_millis());
    if let Ok(ticker) =
        set_interval_with_handle(move || now.set(chrono::Utc::now().timestamp_millis()), Duration::from_secs(20))
    {
        on_cleanup(move || ticker.clear());
    }
    let zone = Memo::new(move |_| contact.with(customer_zone));
    move || {
        let zone = zone.get()?;
        let (time, name) = intl.with(|f| f.time_in(now.get(), zone.zone));
        if time.is_empty() {
            return None;
        }
        let country = intl.with(|f| f.region_name(zone.country));
        let place = zone.region.map_or_else(|| country.clone(), str::to_owned);
        let caveat = match (zone.several, zone.from_phone) {
            (true, _) => format!("{}, one of several time zones in {place}", city_of(zone.zone)),
            (false, true) => format!("from the phone number ({country})"),
            (false, false) => String::new(),
        };
        let about = [name, caveat].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
        Some(view! {
            <div class="contact-local-time" data-testid="local-time">
                <p>
                    <span class="contact-local-time-label">"Local time "</span>
                    <span data-testid="local-time-value">{time}</span>
                </p>
                <p class="contact-local-time-zone">{about}</p>
            </div>
        })
    }
}

/// The city an IANA zone is named after (`America/New_York` → `New York`).
fn city_of(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}
