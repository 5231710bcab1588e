//! Who the customer is: the [`CustomerHeader`] (the identifier, readable at a glance) and, in
//! identity-only workspaces, the [`LimitedProfile`]; the native CRM's forms will join them. Rules
//! in [`model`].

mod customer_header;
mod limited_profile;
pub mod model;

pub use customer_header::CustomerHeader;
pub use limited_profile::LimitedProfile;
