//! The panel's frame: how it was opened ([`session`]: tenant, customer and token from the URL),
//! [`SignedIn`] once it holds a token, and [`ShownInteraction`] for the interaction in focus (or
//! [`ScreenPopOff`] while the agent has not asked for the history) — in a native-CRM tenant the
//! [`NativeInteraction`] with its [`CustomerPane`] (contact, picker, create prompt).

mod customer_pane;
mod native_interaction;
mod screen_pop_off;
pub mod session;
mod shown_interaction;
mod signed_in;

pub use customer_pane::CustomerPane;
pub use native_interaction::NativeInteraction;
pub use screen_pop_off::ScreenPopOff;
pub use shown_interaction::ShownInteraction;
pub use signed_in::SignedIn;
