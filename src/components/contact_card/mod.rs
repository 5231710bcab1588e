//! `ContactCard` and its parts. In identity-only workspaces only the limited profile exists.

mod limited_profile;

pub use limited_profile::LimitedProfile;
