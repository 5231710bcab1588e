//! Screen pop in a native-CRM tenant: the identity match of a started interaction (cached in
//! [`MatchCache`]) and what follows from it — one contact's [`ContactPane`], the [`MatchBadge`] and
//! [`MatchPicker`] when several share the identifier. Rules in [`model`].

mod contact_pane;
mod match_badge;
pub mod match_cache;
mod match_picker;
pub mod model;

pub use contact_pane::ContactPane;
pub use match_badge::MatchBadge;
pub use match_cache::MatchCache;
pub use match_picker::MatchPicker;
